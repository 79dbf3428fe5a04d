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

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.RequestPath;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link ServicePathRules} in a servlet security filter chain, after Spring
 * Security's own authorization: a request under a service-only path goes on only for an
 * admitted service. It does not consume {@code anyRequest()}, so
 * {@code S2sHttpConfigurer} adds it to chains you write as well. A denial throws
 * {@link CallerDeniedException} to the chain's exception translation (401 without a
 * token, 403 otherwise).
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServicePathAuthorizationFilter extends OncePerRequestFilter {

	private final ServicePathRules rules;

	private final CallerAuthorizer authorizer;

	/**
	 * Create a filter.
	 * @param rules the path rules
	 * @param authorizer the authorizer
	 */
	public ServicePathAuthorizationFilter(ServicePathRules rules, CallerAuthorizer authorizer) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(authorizer, "authorizer cannot be null");
		this.rules = rules;
		this.authorizer = authorizer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.rules.isEmpty()) {
			RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
			for (ServicePathRules.ServicePath servicePath : this.rules.servicePaths(path.pathWithinApplication())) {
				this.authorizer.authorize(servicePath.policy(),
						SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(),
						request.getMethod(), servicePath.pattern().getPatternString(),
						(String) request.getAttribute(CorrelationId.ATTRIBUTE));
			}
		}
		chain.doFilter(request, response);
	}

}
