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
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.inbound.LogRateLimiter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link CallerAuthorizationInterceptor}: in a chain that applies s2s, a
 * handler is decided by its own policy, the default for unannotated handlers and
 * functional endpoints, unless a path rule covers it; in any other chain only
 * service-only paths and the callers a handler names itself are enforced. Each decision
 * is recorded, and a denial is thrown with its decision.
 */
class CallerAuthorizationInterceptorTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private final List<CallerDecision> recorded = new ArrayList<>();

	private final AtomicInteger postProcessed = new AtomicInteger();

	private final AtomicInteger observedDecisions = new AtomicInteger();

	private final ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> observation = new ObjectPostProcessor<>() {

		@Override
		@SuppressWarnings("unchecked")
		public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
			CallerAuthorizationInterceptorTests.this.postProcessed.incrementAndGet();
			AuthorizationManager<HttpServletRequest> observed = (authentication, request) -> {
				CallerAuthorizationInterceptorTests.this.observedDecisions.incrementAndGet();
				return manager.authorize(authentication, request);
			};
			return (O) observed;
		}

	};

	private final CallerAuthorizationInterceptor interceptor = new CallerAuthorizationInterceptor(new CallerPolicies(),
			new ServicePathAuthorizationManager(ServicePathRules.builder()
				.publicPath("/docs/**")
				.servicePath("/api/internal/**", List.of("orders"), List.of())
				.build(), PathPatternRequestMatcher.withDefaults()),
			new CallerDecisionRecorder((event) -> {
			}, false, this.recorded::add, false, new LogRateLimiter(0)), this.observation);

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void inAnS2sChainAHandlerIsDecidedByTheCallersItNames() throws Exception {
		authenticate(service("shipping"));
		CallerDecision decision = deniedInS2sChain(request("/stock"), handler("orders"));
		assertThat(decision.getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
		assertThat(decision.getRule()).isEqualTo("@ServiceCaller on Handlers.orders");
		assertThat(this.recorded).containsExactly(decision);
		authenticate(service("orders"));
		assertThat(inS2sChain(request("/stock"), handler("orders"))).isTrue();
		assertThat(this.recorded).hasSize(2);
		assertThat(this.recorded.get(1).getReason()).isEqualTo(DecisionReason.ALLOWED);
	}

	@Test
	void inAnS2sChainAnUnannotatedHandlerIsDeniedUnlessAPathRuleCoversIt() throws Exception {
		authenticate(service("orders"));
		CallerDecision decision = deniedInS2sChain(request("/stock"), handler("open"));
		assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_RULE);
		assertThat(decision.getRule()).isEqualTo("no caller annotation on Handlers.open");
		this.recorded.clear();
		assertThat(inS2sChain(request("/docs/index"), handler("open"))).isTrue();
		assertThat(inS2sChain(request("/api/internal/stock"), handler("open"))).isTrue();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void inAnS2sChainServiceOnlyPathsAreLeftToTheChainsOwnFilter() throws Exception {
		authenticate(user());
		assertThat(inS2sChain(request("/api/internal/stock"), handler("users"))).isTrue();
		assertThat(this.recorded).extracting(CallerDecision::getReason).containsExactly(DecisionReason.ALLOWED);
	}

	@Test
	void inAnS2sChainAFunctionalEndpointIsDeniedUnlessAPathRuleCoversIt() throws Exception {
		authenticate(service("orders"));
		HandlerFunction<ServerResponse> function = (request) -> ServerResponse.ok().build();
		CallerDecision decision = deniedInS2sChain(request("/fn"), function);
		assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_RULE);
		assertThat(decision.getRule()).isEqualTo("functional endpoint without a path rule");
		this.recorded.clear();
		assertThat(inS2sChain(request("/api/internal/fn"), function)).isTrue();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void outsideAnS2sChainServiceOnlyPathsAreEnforced() {
		authenticate(user());
		CallerDecision decision = denied(request("/api/internal/stock"), handler("users"));
		assertThat(decision.getReason()).isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(decision.getRoute()).isEqualTo("/api/internal/**");
		assertThat(this.recorded).containsExactly(decision);
	}

	@Test
	void outsideAnS2sChainOnlyTheCallersAHandlerNamesAreEnforced() {
		authenticate(user());
		assertThat(denied(request("/stock"), handler("orders")).getReason())
			.isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		this.recorded.clear();
		assertThat(this.interceptor.preHandle(request("/stock"), new MockHttpServletResponse(), handler("open")))
			.isTrue();
		assertThat(this.interceptor.preHandle(request("/fn"), new MockHttpServletResponse(),
				(HandlerFunction<ServerResponse>) (request) -> ServerResponse.ok().build()))
			.isTrue();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void outsideAnS2sChainBothTheServicePathAndTheHandlerDecide() {
		authenticate(service("orders"));
		assertThat(this.interceptor.preHandle(request("/api/internal/stock"), new MockHttpServletResponse(),
				handler("orders")))
			.isTrue();
		assertThat(this.recorded).extracting(CallerDecision::getRule)
			.containsExactly("service path /api/internal/**", "@ServiceCaller on Handlers.orders");
	}

	@Test
	void anotherKindOfHandlerIsNotDecided() throws Exception {
		authenticate(service("orders"));
		assertThat(inS2sChain(request("/static/app.js"), new Object())).isTrue();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void anAsyncDispatchResumesACallDecidedOnItsFirstDispatch() throws Exception {
		authenticate(user());
		MockHttpServletRequest request = request("/api/internal/stock");
		request.setDispatcherType(DispatcherType.ASYNC);
		assertThat(this.interceptor.preHandle(request, new MockHttpServletResponse(), handler("orders"))).isTrue();
		assertThat(inS2sChain(request, handler("open"))).isTrue();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void withoutACallerTheDenialIsNotAuthenticated() throws Exception {
		CallerDecision decision = deniedInS2sChain(request("/stock"), handler("orders"));
		assertThat(decision.getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
	}

	@Test
	void decisionsAreObservedThroughOneManagerPerPolicy() throws Exception {
		assertThat(this.postProcessed).hasValue(1);
		authenticate(service("orders"));
		inS2sChain(request("/stock"), handler("orders"));
		inS2sChain(request("/stock"), handler("orders"));
		this.interceptor.preHandle(request("/api/internal/stock"), new MockHttpServletResponse(), handler("orders"));
		assertThat(this.postProcessed).hasValue(2);
		assertThat(this.observedDecisions).hasValue(4);
	}

	private boolean inS2sChain(MockHttpServletRequest request, Object handler) throws Exception {
		boolean[] result = new boolean[1];
		new S2sChainMarker().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> result[0] = this.interceptor.preHandle(request, new MockHttpServletResponse(), handler));
		return result[0];
	}

	private CallerDecision deniedInS2sChain(MockHttpServletRequest request, Object handler) {
		AuthorizationDeniedException denied = catchThrowableOfType(AuthorizationDeniedException.class,
				() -> inS2sChain(request, handler));
		assertThat(denied).isNotNull();
		return decisionOf(denied);
	}

	private CallerDecision denied(MockHttpServletRequest request, Object handler) {
		AuthorizationDeniedException denied = catchThrowableOfType(AuthorizationDeniedException.class,
				() -> this.interceptor.preHandle(request, new MockHttpServletResponse(), handler));
		assertThat(denied).isNotNull();
		return decisionOf(denied);
	}

	private static CallerDecision decisionOf(AuthorizationDeniedException denied) {
		assertThat(denied).hasMessage("Access Denied");
		assertThat(denied.getAuthorizationResult()).isInstanceOf(CallerDecision.class);
		CallerDecision decision = (CallerDecision) denied.getAuthorizationResult();
		assertThat(decision.isGranted()).isFalse();
		return decision;
	}

	private static MockHttpServletRequest request(String path) {
		return new MockHttpServletRequest("GET", path);
	}

	private static void authenticate(Authentication authentication) {
		SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
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

		@ServiceCaller(services = "orders")
		void orders() {
		}

		@UserCaller
		void users() {
		}

		void open() {
		}

	}

}
