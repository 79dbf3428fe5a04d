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

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces the caller annotations on Spring MVC: before a handler method runs, its
 * {@link CallerPolicy} decides, and a denial throws {@link CallerDeniedException}, which
 * Spring Security's exception translation answers with 401 or 403. The return type does
 * not matter ({@code Mono}, {@code Flux}, {@code Callable}...): the decision is made
 * before the method is called. Registered first among the interceptors by the s2s
 * auto-configuration.
 *
 * <p>
 * Handlers that are not handler methods (static resources, functional endpoints) have no
 * caller annotations; the filter chain's rules and service-only paths still apply to
 * them.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerAuthorizationInterceptor implements HandlerInterceptor {

	private final CallerPolicies policies;

	private final CallerAuthorizer authorizer;

	/**
	 * Create an interceptor.
	 * @param policies the annotation reader
	 * @param authorizer the authorizer
	 */
	public CallerAuthorizationInterceptor(CallerPolicies policies, CallerAuthorizer authorizer) {
		Assert.notNull(policies, "policies cannot be null");
		Assert.notNull(authorizer, "authorizer cannot be null");
		this.policies = policies;
		this.authorizer = authorizer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// An async dispatch resumes a call that was decided on its first dispatch.
		if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ASYNC) {
			return true;
		}
		CallerPolicy policy = this.policies.policy(method);
		if (policy != null) {
			Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			this.authorizer.authorize(policy,
					SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(),
					request.getMethod(), (route != null) ? route.toString() : "-",
					(String) request.getAttribute(CorrelationId.ATTRIBUTE));
		}
		return true;
	}

}
