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
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Decides the service-only paths of {@link ServicePathRules} for servlet requests, in an
 * {@link org.springframework.security.web.access.intercept.AuthorizationFilter} of every
 * s2s filter chain: a request under a service-only path goes on only for an admitted
 * service; other requests are not its concern (it abstains). Spring Security's
 * {@code AuthorizationFilter} runs it on every dispatch, forwards and error dispatches
 * included. Paths are matched with the application's
 * {@link PathPatternRequestMatcher.Builder}, so they are relative to
 * {@code spring.mvc.servlet.path} as the rest of Spring Security's are.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServicePathAuthorizationManager implements AuthorizationManager<HttpServletRequest> {

	private final List<RequestMatcher> publicPaths;

	private final List<Matched> servicePaths;

	/**
	 * Create a manager.
	 * @param rules the path rules
	 * @param paths the builder of path matchers
	 */
	public ServicePathAuthorizationManager(ServicePathRules rules, PathPatternRequestMatcher.Builder paths) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(paths, "paths cannot be null");
		this.publicPaths = rules.publicPathPatterns()
			.stream()
			.map((pattern) -> (RequestMatcher) paths.matcher(pattern.getPatternString()))
			.toList();
		this.servicePaths = rules.allServicePaths()
			.stream()
			.map((path) -> new Matched(paths.matcher(path.pattern().getPatternString()), path))
			.toList();
	}

	@Override
	public @Nullable CallerDecision authorize(Supplier<? extends @Nullable Authentication> authentication,
			HttpServletRequest request) {
		if (this.servicePaths.isEmpty() || isPublic(request)) {
			return null;
		}
		List<ServicePathRules.ServicePath> matching = this.servicePaths.stream()
			.filter((path) -> path.matcher().matches(request))
			.map(Matched::path)
			.toList();
		return matching.isEmpty() ? null : ServicePathRules.decide(matching, authentication.get(), details(request));
	}

	/**
	 * Whether a public or service-only path covers a request, so that it governs the
	 * request's handler when the handler names no caller.
	 * @param request the request
	 * @return whether a path rule applies
	 */
	boolean covers(HttpServletRequest request) {
		return isPublic(request) || this.servicePaths.stream().anyMatch((path) -> path.matcher().matches(request));
	}

	private boolean isPublic(HttpServletRequest request) {
		return this.publicPaths.stream().anyMatch((matcher) -> matcher.matches(request));
	}

	static RequestDetails details(HttpServletRequest request) {
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Object correlationId = request.getAttribute(CorrelationId.ATTRIBUTE);
		return new RequestDetails(request.getMethod(), (route != null) ? route.toString() : "-",
				(correlationId != null) ? correlationId.toString() : null);
	}

	private record Matched(RequestMatcher matcher, ServicePathRules.ServicePath path) {

	}

}
