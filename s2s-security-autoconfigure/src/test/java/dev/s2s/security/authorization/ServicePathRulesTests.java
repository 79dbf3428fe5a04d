/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.s2s.security.authorization;

import java.util.List;
import java.util.Set;

import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.pattern.PatternParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ServicePathRules}: public paths win over service-only paths, a request
 * under several service-only paths must satisfy each, and each path is described and
 * decided under its own pattern.
 */
class ServicePathRulesTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final RequestDetails REQUEST = new RequestDetails("GET", "-", "c-1");

	private final ServicePathRules rules = ServicePathRules.builder()
		.publicPath("/api/internal/health")
		.publicPath("/docs/**")
		.servicePath("/api/internal/**", List.of("orders", "billing"), List.of())
		.servicePath("/api/internal/admin/**", List.of(), List.of("admin"))
		.build();

	@Test
	void patternsInTheOrderTheyWereAdded() {
		assertThat(this.rules.publicPaths()).containsExactly("/api/internal/health", "/docs/**");
		assertThat(this.rules.servicePathPatterns()).containsExactly("/api/internal/**", "/api/internal/admin/**");
		assertThat(this.rules.isEmpty()).isFalse();
		assertThat(this.rules.publicPathPatterns()).hasSize(2);
		assertThat(this.rules.allServicePaths()).extracting((path) -> path.policy().source())
			.containsExactly("service path /api/internal/**", "service path /api/internal/admin/**");
	}

	@Test
	void serviceIdsAreTheSortedServicesOfEveryServicePath() {
		ServicePathRules rules = ServicePathRules.builder()
			.servicePath("/a/**", List.of("orders", "billing"), List.of())
			.servicePath("/b/**", List.of("shipping", "billing"), List.of())
			.build();
		assertThat(rules.serviceIds()).containsExactly("billing", "orders", "shipping").isUnmodifiable();
	}

	@Test
	void withoutServicePathsTheRulesAreEmptyEvenWithPublicPaths() {
		ServicePathRules rules = ServicePathRules.builder().publicPath("/docs/**").build();
		assertThat(rules.isEmpty()).isTrue();
		assertThat(rules.serviceIds()).isEmpty();
		assertThat(rules.servicePathPatterns()).isEmpty();
		assertThat(rules.publicPaths()).containsExactly("/docs/**");
	}

	@Test
	void aPublicPathIsUnderNoServicePath() {
		assertThat(this.rules.isPublic(path("/api/internal/health"))).isTrue();
		assertThat(this.rules.isPublic(path("/docs/a/b"))).isTrue();
		assertThat(this.rules.isPublic(path("/api/internal/stock"))).isFalse();
		assertThat(this.rules.servicePaths(path("/api/internal/health"))).isEmpty();
	}

	@Test
	void servicePathsAreEveryMatchingPathInOrder() {
		assertThat(this.rules.servicePaths(path("/api/internal/admin/users")))
			.extracting((path) -> path.pattern().getPatternString())
			.containsExactly("/api/internal/**", "/api/internal/admin/**");
		assertThat(this.rules.servicePaths(path("/api/internal/stock")))
			.extracting((path) -> path.pattern().getPatternString())
			.containsExactly("/api/internal/**");
		assertThat(this.rules.servicePaths(path("/api/public"))).isEmpty();
	}

	@Test
	void describeAnEndpointByThePathsItFallsUnder() {
		assertThat(this.rules.describe("/docs/index")).isEqualTo("public (no token needed)");
		assertThat(this.rules.describe("/api/internal/stock"))
			.isEqualTo("services [billing, orders] (service path /api/internal/**)");
		assertThat(this.rules.describe("/api/internal/admin/users"))
			.isEqualTo("services [billing, orders] (service path /api/internal/**); "
					+ "services (any) with scopes [admin] (service path /api/internal/admin/**)");
		assertThat(this.rules.describe("/api/public")).isNull();
	}

	@Test
	void decideWithoutPathsIsNoDecision() {
		assertThat(ServicePathRules.decide(List.of(), service("orders", "admin"), REQUEST)).isNull();
	}

	@Test
	void decideIsTheFirstDenialUnderItsPathsPattern() {
		CallerDecision decision = ServicePathRules.decide(this.rules.servicePaths(path("/api/internal/admin/users")),
				service("shipping"), REQUEST);
		assertThat(decision.isGranted()).isFalse();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
		assertThat(decision.getRoute()).isEqualTo("/api/internal/**");
		assertThat(decision.getRule()).isEqualTo("service path /api/internal/**");
		assertThat(decision.getCorrelationId()).isEqualTo("c-1");
		CallerDecision second = ServicePathRules.decide(this.rules.servicePaths(path("/api/internal/admin/users")),
				service("orders"), REQUEST);
		assertThat(second.getReason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
		assertThat(second.getRequiredScopes()).containsExactly("admin");
		assertThat(second.getRoute()).isEqualTo("/api/internal/admin/**");
	}

	@Test
	void decideWhenEveryPathAdmitsIsTheLastGrant() {
		CallerDecision decision = ServicePathRules.decide(this.rules.servicePaths(path("/api/internal/admin/users")),
				service("orders", "admin"), REQUEST);
		assertThat(decision.isGranted()).isTrue();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.ALLOWED);
		assertThat(decision.getRoute()).isEqualTo("/api/internal/admin/**");
	}

	@Test
	void servicePathsAreForServicesOnly() {
		CallerDecision decision = ServicePathRules.decide(this.rules.servicePaths(path("/api/internal/stock")),
				new UserAuthentication(JWT, "alice", Set.of("admin"), Set.of()), REQUEST);
		assertThat(decision.getReason()).isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(ServicePathRules.decide(this.rules.servicePaths(path("/api/internal/stock")), null, REQUEST)
			.getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
	}

	@Test
	void aPatternMustBeWrittenFromTheRoot() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServicePathRules.builder().publicPath("docs/**"))
			.withMessage("'docs/**' does not start with '/'; write '/docs/**'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServicePathRules.builder().servicePath("api/**", List.of(), List.of()))
			.withMessage("'api/**' does not start with '/'; write '/api/**'");
		assertThatIllegalArgumentException().isThrownBy(() -> ServicePathRules.builder().publicPath(" "))
			.withMessage("pattern cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServicePathRules.builder().servicePath("", List.of(), List.of()))
			.withMessage("pattern cannot be empty");
		assertThatExceptionOfType(PatternParseException.class)
			.isThrownBy(() -> ServicePathRules.builder().publicPath("/stock/{id"));
	}

	@Test
	void aServicePathRefusesAnInvalidServiceOrScope() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServicePathRules.builder().servicePath("/a/**", List.of(" "), List.of()))
			.withMessage("service ids cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServicePathRules.builder().servicePath("/a/**", List.of(), List.of("a b")))
			.withMessage("invalid scope 'a b'");
	}

	private static PathContainer path(String path) {
		return PathContainer.parsePath(path);
	}

	private static ServiceAuthentication service(String id, String... scopes) {
		return new ServiceAuthentication(JWT, id, Set.of(scopes), Set.of());
	}

}
