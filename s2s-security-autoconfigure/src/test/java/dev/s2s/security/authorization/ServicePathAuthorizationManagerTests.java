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
import java.util.concurrent.atomic.AtomicInteger;

import dev.s2s.security.caller.ServiceAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ServicePathAuthorizationManager}: a request under a service-only path
 * is decided by that path's rule (and by each one it is under), a public path or a path
 * outside the rules is left to others, and the decision names the route, never the raw
 * path.
 */
class ServicePathAuthorizationManagerTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private final ServicePathAuthorizationManager manager = new ServicePathAuthorizationManager(
			ServicePathRules.builder()
				.publicPath("/api/internal/health")
				.servicePath("/api/internal/**", List.of("orders"), List.of())
				.servicePath("/api/internal/admin/**", List.of(), List.of("admin"))
				.build(),
			PathPatternRequestMatcher.withDefaults());

	@Test
	void aServicePathDecidesUnderItsPattern() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/internal/stock/42");
		CallerDecision decision = this.manager.authorize(() -> service("shipping"), request);
		assertThat(decision.isGranted()).isFalse();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
		assertThat(decision.getRoute()).isEqualTo("/api/internal/**");
		assertThat(decision.getHttpMethod()).isEqualTo("POST");
		assertThat(decision.getRule()).isEqualTo("service path /api/internal/**");
		assertThat(this.manager.authorize(() -> service("orders"), request).getReason())
			.isEqualTo(DecisionReason.ALLOWED);
	}

	@Test
	void aRequestUnderSeveralServicePathsMeetsEach() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/internal/admin/users");
		CallerDecision decision = this.manager.authorize(() -> service("orders"), request);
		assertThat(decision.getReason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
		assertThat(decision.getRequiredScopes()).containsExactly("admin");
		assertThat(decision.getRoute()).isEqualTo("/api/internal/admin/**");
		assertThat(this.manager.authorize(() -> service("orders", "admin"), request).isGranted()).isTrue();
	}

	@Test
	void aPublicPathOrAPathOutsideTheRulesIsNotDecidedHereAndTheCallerIsNotLookedUp() {
		AtomicInteger lookups = new AtomicInteger();
		assertThat(this.manager.authorize(() -> lookup(lookups),
				new MockHttpServletRequest("GET", "/api/internal/health")))
			.isNull();
		assertThat(this.manager.authorize(() -> lookup(lookups), new MockHttpServletRequest("GET", "/api/public")))
			.isNull();
		assertThat(lookups).hasValue(0);
	}

	@Test
	void withoutServicePathsNothingIsDecidedEvenUnderAPublicPath() {
		ServicePathAuthorizationManager publicOnly = new ServicePathAuthorizationManager(
				ServicePathRules.builder().publicPath("/docs/**").build(), PathPatternRequestMatcher.withDefaults());
		assertThat(publicOnly.authorize(() -> null, new MockHttpServletRequest("GET", "/api/x"))).isNull();
		assertThat(publicOnly.authorize(() -> null, new MockHttpServletRequest("GET", "/docs/x"))).isNull();
		assertThat(publicOnly.covers(new MockHttpServletRequest("GET", "/docs/x"))).isTrue();
		assertThat(publicOnly.covers(new MockHttpServletRequest("GET", "/api/x"))).isFalse();
	}

	@Test
	void aRequestWithoutACallerIsNotAuthenticated() {
		CallerDecision decision = this.manager.authorize(() -> null,
				new MockHttpServletRequest("GET", "/api/internal/stock"));
		assertThat(decision.getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
	}

	@Test
	void coversPublicAndServicePathsOnly() {
		assertThat(this.manager.covers(new MockHttpServletRequest("GET", "/api/internal/health"))).isTrue();
		assertThat(this.manager.covers(new MockHttpServletRequest("GET", "/api/internal/stock"))).isTrue();
		assertThat(this.manager.covers(new MockHttpServletRequest("GET", "/api/public"))).isFalse();
	}

	@Test
	void detailsNameTheMatchedRouteAndTheCorrelationId() {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/stock/42");
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/stock/{id}");
		request.setAttribute(CorrelationId.ATTRIBUTE, "c-1");
		assertThat(ServicePathAuthorizationManager.details(request))
			.isEqualTo(new RequestDetails("PUT", "/stock/{id}", "c-1"));
		assertThat(ServicePathAuthorizationManager.details(new MockHttpServletRequest("GET", "/stock/42")))
			.isEqualTo(new RequestDetails("GET", "-", null));
	}

	@Test
	void rulesAndPathsAreRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServicePathAuthorizationManager(null, PathPatternRequestMatcher.withDefaults()))
			.withMessage("rules cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServicePathAuthorizationManager(ServicePathRules.builder().build(), null))
			.withMessage("paths cannot be null");
	}

	private static Authentication lookup(AtomicInteger lookups) {
		lookups.incrementAndGet();
		return service("orders");
	}

	private static ServiceAuthentication service(String id, String... scopes) {
		return new ServiceAuthentication(JWT, id, Set.of(scopes), Set.of());
	}

}
