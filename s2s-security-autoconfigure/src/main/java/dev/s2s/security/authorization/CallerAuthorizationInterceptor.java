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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.function.HandlerFunction;

/**
 * Enforces who may call a Spring MVC handler, before it runs: its caller annotations (or
 * caller-typed parameter) and, for requests an s2s filter chain handles, the default for
 * handlers that name no caller ({@link UnannotatedHandlers}). A denial throws Spring
 * Security's {@link AuthorizationDeniedException} carrying the {@link CallerDecision},
 * which the chain's exception translation answers with 401 (no token) or 403. The return
 * type ({@code Mono}, {@code Callable}...) does not matter: the decision is made before
 * the method is called. Registered first among the interceptors.
 *
 * <p>
 * A request that reaches a handler with caller annotations, or a service-only path,
 * through a filter chain that does not apply s2s is denied: its authentication is not an
 * s2s caller. Static resources and other handlers that run no application code are left
 * to the chain. An {@code @ExceptionHandler} for {@code Exception} in the application
 * also catches the denial and answers in its own way; the handler never runs either way.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerAuthorizationInterceptor implements HandlerInterceptor {

	private final CallerPolicies policies;

	private final ServicePathAuthorizationManager servicePaths;

	private final CallerDecisionRecorder recorder;

	private final ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> observation;

	/** Observed once: post-processing looks up the observation registry each time. */
	private final AuthorizationManager<HttpServletRequest> observedServicePaths;

	/** One observed manager per policy; policies are made once per handler. */
	private final Map<CallerPolicy, AuthorizationManager<HttpServletRequest>> observedPolicies = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor.
	 * @param policies who may call each handler
	 * @param servicePaths the service-only paths
	 * @param recorder records each decision
	 * @param observation Spring Security's post-processor of web authorization managers,
	 * through which each decision is observed as Spring Security observes its own (or
	 * {@link ObjectPostProcessor#identity()})
	 */
	public CallerAuthorizationInterceptor(CallerPolicies policies, ServicePathAuthorizationManager servicePaths,
			CallerDecisionRecorder recorder,
			ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> observation) {
		this.policies = policies;
		this.servicePaths = servicePaths;
		this.recorder = recorder;
		this.observation = observation;
		this.observedServicePaths = observation.postProcess(servicePaths);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// An async dispatch resumes a call that was decided on its first dispatch.
		if (request.getDispatcherType() == DispatcherType.ASYNC) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		boolean s2sChain = S2sChainMarker.handles(request);
		if (!s2sChain) {
			// s2s chains decide service-only paths in their own filter.
			check(decide(this.observedServicePaths, authentication, request), authentication, request);
		}
		CallerPolicy policy = policy(handler, s2sChain, request);
		if (policy != null) {
			check(decide(this.observedPolicies.computeIfAbsent(policy, this::observed), authentication, request),
					authentication, request);
		}
		return true;
	}

	private AuthorizationManager<HttpServletRequest> observed(CallerPolicy policy) {
		return this.observation
			.postProcess((caller, it) -> policy.decide(caller.get(), ServicePathAuthorizationManager.details(it)));
	}

	private static @Nullable CallerDecision decide(AuthorizationManager<HttpServletRequest> manager,
			@Nullable Authentication authentication, HttpServletRequest request) {
		AuthorizationResult result = manager.authorize(() -> authentication, request);
		return (result instanceof CallerDecision decision) ? decision : null;
	}

	private @Nullable CallerPolicy policy(Object handler, boolean s2sChain, HttpServletRequest request) {
		if (handler instanceof HandlerMethod method) {
			return s2sChain ? this.policies.policy(method, this.servicePaths.covers(request))
					: this.policies.namedPolicy(method);
		}
		if (s2sChain && handler instanceof HandlerFunction<?>) {
			return this.policies.functionalPolicy(this.servicePaths.covers(request));
		}
		return null;
	}

	private void check(@Nullable CallerDecision decision, @Nullable Authentication authentication,
			HttpServletRequest request) {
		if (decision == null) {
			return;
		}
		this.recorder.record(() -> authentication, request, decision);
		if (!decision.isGranted()) {
			throw new AuthorizationDeniedException("Access Denied", decision);
		}
	}

}
