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
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Path rules that hold whatever the handlers say: public paths, which need no token, and
 * service-only paths, which deny every caller but services (optionally only listed ones,
 * optionally with scopes), even for a handler without any caller annotation.
 *
 * <p>
 * A public path is public: neither authentication nor a service-only rule applies to it,
 * so declare health probes and the like explicitly and narrowly. A request under several
 * service-only paths must pass each of them, and the caller annotations of its handler
 * after that. Patterns are Spring's {@link PathPattern}s, matched against the path within
 * the application.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServicePathRules {

	private final List<PathPattern> publicPaths;

	private final List<ServicePath> servicePaths;

	private final Set<String> serviceIds;

	private ServicePathRules(List<PathPattern> publicPaths, List<ServicePath> servicePaths) {
		this.publicPaths = List.copyOf(publicPaths);
		this.servicePaths = List.copyOf(servicePaths);
		this.serviceIds = Collections.unmodifiableSortedSet(servicePaths.stream()
			.flatMap((path) -> path.policy().serviceIds().stream())
			.collect(Collectors.toCollection(TreeSet::new)));
	}

	/**
	 * A builder of path rules.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The public path patterns, for the auto-configured chains' {@code permitAll}.
	 * @return the patterns
	 */
	public List<String> publicPaths() {
		return this.publicPaths.stream().map(PathPattern::getPatternString).toList();
	}

	/**
	 * The service-only path patterns, for the startup check that a chain applying s2s
	 * handles their requests.
	 * @return the patterns
	 */
	public List<String> servicePathPatterns() {
		return this.servicePaths.stream().map((path) -> path.pattern().getPatternString()).toList();
	}

	/**
	 * The service ids named by service-only paths.
	 * @return the service ids
	 */
	public Set<String> serviceIds() {
		return this.serviceIds;
	}

	/**
	 * Describe the service-only paths an endpoint pattern falls under, for the startup
	 * policy log.
	 * @param endpointPattern an endpoint's mapping pattern
	 * @return the description, or {@code null} when none applies
	 */
	public @Nullable String describe(String endpointPattern) {
		PathContainer path = PathContainer.parsePath(endpointPattern);
		if (isPublic(path)) {
			return "public (no token needed)";
		}
		String rules = this.servicePaths.stream()
			.filter((servicePath) -> servicePath.pattern().matches(path))
			.map((servicePath) -> servicePath.policy().describe() + " (" + servicePath.policy().source() + ")")
			.collect(Collectors.joining("; "));
		return rules.isEmpty() ? null : rules;
	}

	boolean isEmpty() {
		return this.servicePaths.isEmpty();
	}

	List<PathPattern> publicPathPatterns() {
		return this.publicPaths;
	}

	List<ServicePath> allServicePaths() {
		return this.servicePaths;
	}

	boolean isPublic(PathContainer path) {
		return this.publicPaths.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	List<ServicePath> servicePaths(PathContainer path) {
		if (isPublic(path)) {
			return List.of();
		}
		return this.servicePaths.stream().filter((servicePath) -> servicePath.pattern().matches(path)).toList();
	}

	/**
	 * Decide a request under several service-only paths: each must admit the caller.
	 * @param paths the service-only paths the request is under
	 * @param authentication the caller, if any
	 * @param request the request
	 * @return the first denial, else the last grant; {@code null} without paths
	 */
	static @Nullable CallerDecision decide(List<ServicePath> paths, @Nullable Authentication authentication,
			RequestDetails request) {
		CallerDecision decision = null;
		for (ServicePath path : paths) {
			decision = path.policy().decide(authentication, request.withRoute(path.pattern().getPatternString()));
			if (!decision.isGranted()) {
				return decision;
			}
		}
		return decision;
	}

	record ServicePath(PathPattern pattern, CallerPolicy policy) {

	}

	/**
	 * Builds {@link ServicePathRules}.
	 */
	public static final class Builder {

		private final List<PathPattern> publicPaths = new ArrayList<>();

		private final List<ServicePath> servicePaths = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Add a public path.
		 * @param pattern the path pattern, e.g. {@code /actuator/health/**}
		 * @return this builder
		 * @throws org.springframework.web.util.pattern.PatternParseException if the
		 * pattern is invalid
		 * @throws IllegalArgumentException if the pattern does not start with {@code /}
		 */
		public Builder publicPath(String pattern) {
			this.publicPaths.add(parse(pattern));
			return this;
		}

		/**
		 * Add a service-only path.
		 * @param pattern the path pattern, e.g. {@code /api/internal/**}
		 * @param services the services admitted; empty admits any service
		 * @param scopes the scopes a service's token must all carry
		 * @return this builder
		 * @throws org.springframework.web.util.pattern.PatternParseException if the
		 * pattern is invalid
		 * @throws IllegalArgumentException if the pattern does not start with {@code /}
		 * @throws IllegalArgumentException if a service id or scope is empty or a scope
		 * has characters RFC 6749 does not allow
		 */
		public Builder servicePath(String pattern, Collection<String> services, Collection<String> scopes) {
			PathPattern parsed = parse(pattern);
			CallerRule rule = CallerRule.of(CallerType.SERVICE, services, scopes, List.of());
			this.servicePaths.add(new ServicePath(parsed, new CallerPolicy("service path " + pattern, List.of(rule))));
			return this;
		}

		private static PathPattern parse(String pattern) {
			Assert.hasText(pattern, "pattern cannot be empty");
			// Without the leading '/' a pattern matches no request path: it would govern
			// nothing and look as if it did.
			Assert.isTrue(pattern.startsWith("/"),
					() -> "'" + pattern + "' does not start with '/'; write '/" + pattern + "'");
			return PathPatternParser.defaultInstance.parse(pattern);
		}

		/**
		 * Build the rules.
		 * @return the rules
		 */
		public ServicePathRules build() {
			return new ServicePathRules(this.publicPaths, this.servicePaths);
		}

	}

}
