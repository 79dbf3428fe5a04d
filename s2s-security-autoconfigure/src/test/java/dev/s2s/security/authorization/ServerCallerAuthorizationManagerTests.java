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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.inbound.LogRateLimiter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ServerCallerAuthorizationManager}: a service-only path decides first
 * and its denial stands without looking up the handler; then the handler's policy, or the
 * default for handlers and functional endpoints no path rule covers. What nothing governs
 * is granted, and a denial reaches Spring Security with its decision.
 */
class ServerCallerAuthorizationManagerTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final ServicePathRules RULES = ServicePathRules.builder()
		.publicPath("/docs/**")
		.servicePath("/api/internal/**", List.of("orders"), List.of())
		.build();

	private final List<CallerDecision> recorded = new ArrayList<>();

	private final AtomicInteger lookups = new AtomicInteger();

	private final CallerDecisionRecorder recorder = new CallerDecisionRecorder((event) -> {
	}, false, this.recorded::add, false, new LogRateLimiter(0));

	@Test
	void aServiceOnlyPathDenialStandsWithoutLookingUpTheHandler() {
		AuthorizationResult result = manager(handler("open")).authorize(caller(user()), exchange("/api/internal/stock"))
			.block();
		assertThat(result).isInstanceOfSatisfying(CallerDecision.class, (decision) -> {
			assertThat(decision.isGranted()).isFalse();
			assertThat(decision.getReason()).isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
			assertThat(decision.getRoute()).isEqualTo("/api/internal/**");
			assertThat(decision.getRule()).isEqualTo("service path /api/internal/**");
		});
		assertThat(this.recorded).containsExactly((CallerDecision) result);
		assertThat(this.lookups).hasValue(0);
	}

	@Test
	void aServiceOnlyPathGrantLeavesAnUnannotatedHandlerToIt() {
		AuthorizationResult result = manager(handler("open"))
			.authorize(caller(service("orders")), exchange("/api/internal/stock"))
			.block();
		assertThat(result.isGranted()).isTrue();
		assertThat(result).isNotInstanceOf(CallerDecision.class);
		assertThat(this.recorded).extracting(CallerDecision::getReason).containsExactly(DecisionReason.ALLOWED);
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void aServiceOnlyPathGrantThenTheHandlersOwnPolicy() {
		AuthorizationResult result = manager(handler("billing"))
			.authorize(caller(service("orders")), exchange("/api/internal/stock"))
			.block();
		assertThat(result).isInstanceOfSatisfying(CallerDecision.class, (decision) -> {
			assertThat(decision.getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
			assertThat(decision.getRule()).isEqualTo("@ServiceCaller on Handlers.billing");
		});
		assertThat(this.recorded).extracting(CallerDecision::getReason)
			.containsExactly(DecisionReason.ALLOWED, DecisionReason.SERVICE_NOT_LISTED);
	}

	@Test
	void anUnannotatedHandlerNoPathRuleCoversIsDenied() {
		AuthorizationResult result = manager(handler("open")).authorize(caller(service("orders")), exchange("/stock"))
			.block();
		assertThat(result).isInstanceOfSatisfying(CallerDecision.class, (decision) -> {
			assertThat(decision.isGranted()).isFalse();
			assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_RULE);
			assertThat(decision.getRule()).isEqualTo("no caller annotation on Handlers.open");
		});
		assertThat(this.recorded).containsExactly((CallerDecision) result);
	}

	@Test
	void anUnannotatedHandlerUnderAPublicPathIsNotGoverned() {
		AuthorizationResult result = manager(handler("open")).authorize(Mono.empty(), exchange("/docs/index")).block();
		assertThat(result.isGranted()).isTrue();
		assertThat(result).isNotInstanceOf(CallerDecision.class);
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void aNamedHandlerIsDecidedEvenUnderAPublicPath() {
		AuthorizationResult result = manager(handler("billing")).authorize(Mono.empty(), exchange("/docs/index"))
			.block();
		assertThat(result).isInstanceOfSatisfying(CallerDecision.class,
				(decision) -> assertThat(decision.getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED));
	}

	@Test
	void aFunctionalEndpointNoPathRuleCoversIsDenied() {
		HandlerFunction<ServerResponse> function = (request) -> ServerResponse.ok().build();
		AuthorizationResult result = manager(function).authorize(caller(service("orders")), exchange("/fn")).block();
		assertThat(result).isInstanceOfSatisfying(CallerDecision.class, (decision) -> {
			assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_RULE);
			assertThat(decision.getRule()).isEqualTo("functional endpoint without a path rule");
		});
		assertThat(manager(function).authorize(caller(service("orders")), exchange("/docs/fn")).block())
			.isNotInstanceOf(CallerDecision.class)
			.matches(AuthorizationResult::isGranted);
	}

	@Test
	void withoutAHandlerOrWithAnotherKindNothingIsGoverned() {
		ServerCallerAuthorizationManager none = new ServerCallerAuthorizationManager(RULES, new CallerPolicies(),
				List.of((exchange) -> Mono.empty()), this.recorder);
		assertThat(none.authorize(caller(service("orders")), exchange("/stock")).block())
			.isNotInstanceOf(CallerDecision.class)
			.matches(AuthorizationResult::isGranted);
		assertThat(manager(new Object()).authorize(caller(service("orders")), exchange("/stock")).block())
			.isNotInstanceOf(CallerDecision.class)
			.matches(AuthorizationResult::isGranted);
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void theHandlerIsTheFirstMappingsThatAnswersAndAFailingMappingIsSkipped() {
		HandlerMapping failing = (exchange) -> Mono.error(new IllegalStateException("no route"));
		HandlerMapping empty = (exchange) -> Mono.empty();
		HandlerMapping open = (exchange) -> Mono.just(handler("open"));
		HandlerMapping billing = (exchange) -> Mono.just(handler("billing"));
		ServerCallerAuthorizationManager manager = new ServerCallerAuthorizationManager(RULES, new CallerPolicies(),
				List.of(failing, empty, billing, open), this.recorder);
		AuthorizationResult result = manager.authorize(caller(service("orders")), exchange("/stock")).block();
		assertThat(((CallerDecision) result).getRule()).isEqualTo("@ServiceCaller on Handlers.billing");
	}

	@Test
	void withoutACallerTheDenialIsNotAuthenticated() {
		AuthorizationResult result = manager(handler("open")).authorize(Mono.empty(), exchange("/api/internal/stock"))
			.block();
		assertThat(((CallerDecision) result).getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
	}

	@Test
	void decisionsNameTheMatchedRouteMethodAndCorrelationId() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/stock/42"));
		exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/stock/{id}");
		exchange.getAttributes().put(CorrelationId.ATTRIBUTE, "c-1");
		CallerDecision decision = (CallerDecision) manager(handler("billing"))
			.authorize(caller(service("orders")), exchange)
			.block();
		assertThat(decision.getHttpMethod()).isEqualTo("DELETE");
		assertThat(decision.getRoute()).isEqualTo("/stock/{id}");
		assertThat(decision.getCorrelationId()).isEqualTo("c-1");
		CallerDecision bare = (CallerDecision) manager(handler("billing"))
			.authorize(caller(service("orders")), exchange("/stock/42"))
			.block();
		assertThat(bare.getRoute()).isEqualTo("-");
		assertThat(bare.getCorrelationId()).isNull();
	}

	@Test
	void verifyCompletesForAGrantAndFailsWithTheDecisionForADenial() {
		ServerCallerAuthorizationManager manager = manager(handler("billing"));
		assertThat(manager.verify(caller(service("billing")), exchange("/stock")).block()).isNull();
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> manager.verify(caller(service("orders")), exchange("/stock")).block())
			.withMessage("Access Denied")
			.satisfies((denied) -> assertThat(((CallerDecision) denied.getAuthorizationResult()).getReason())
				.isEqualTo(DecisionReason.SERVICE_NOT_LISTED));
	}

	@Test
	void itsCollaboratorsAreRequired() {
		CallerPolicies policies = new CallerPolicies();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServerCallerAuthorizationManager(null, policies, List.of(), this.recorder))
			.withMessage("rules cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServerCallerAuthorizationManager(RULES, null, List.of(), this.recorder))
			.withMessage("policies cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServerCallerAuthorizationManager(RULES, policies, null, this.recorder))
			.withMessage("handlerMappings cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServerCallerAuthorizationManager(RULES, policies, List.of(), null))
			.withMessage("recorder cannot be null");
	}

	private ServerCallerAuthorizationManager manager(Object handler) {
		HandlerMapping mapping = (exchange) -> Mono.fromSupplier(() -> {
			this.lookups.incrementAndGet();
			return handler;
		});
		return new ServerCallerAuthorizationManager(RULES, new CallerPolicies(), List.of(mapping), this.recorder);
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path));
	}

	private static Mono<Authentication> caller(Authentication authentication) {
		return Mono.just(authentication);
	}

	private static ServiceAuthentication service(String id) {
		return new ServiceAuthentication(JWT, id, Set.of(), Set.of());
	}

	private static UserAuthentication user() {
		return new UserAuthentication(JWT, "alice", Set.of(), Set.of());
	}

	private static HandlerMethod handler(String name) {
		try {
			return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Handlers {

		@ServiceCaller(services = "billing")
		void billing() {
		}

		void open() {
		}

	}

}
