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

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Enforces the caller annotations on WebFlux: right after Spring Security's filter chain,
 * it looks up the handler method the request maps to, and its {@link CallerPolicy}
 * decides before the handler is invoked. A denial is a {@link CallerDeniedException}
 * signal, which Spring Security's exception translation answers with 401 or 403. The
 * return type ({@code Mono}, {@code Flux} or a plain value) does not matter.
 *
 * <p>
 * When the lookup fails (no route, 405, 415) the request goes on, and the dispatcher
 * answers it the same way without running any handler; handlers that are not handler
 * methods (functional endpoints, resources) have no caller annotations.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerAuthorizationWebFilter implements WebFilter, Ordered {

	/**
	 * The filter's order: right after Spring Security's {@code WebFilterChainProxy}
	 * (-100), whose security context it reads.
	 */
	public static final int ORDER = -90;

	private final HandlerMapping handlerMapping;

	private final CallerPolicies policies;

	private final CallerAuthorizer authorizer;

	/**
	 * Create a filter.
	 * @param handlerMapping the mapping of annotated controllers
	 * @param policies the annotation reader
	 * @param authorizer the authorizer
	 */
	public CallerAuthorizationWebFilter(HandlerMapping handlerMapping, CallerPolicies policies,
			CallerAuthorizer authorizer) {
		Assert.notNull(handlerMapping, "handlerMapping cannot be null");
		Assert.notNull(policies, "policies cannot be null");
		Assert.notNull(authorizer, "authorizer cannot be null");
		this.handlerMapping = handlerMapping;
		this.policies = policies;
		this.authorizer = authorizer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.handlerMapping.getHandler(exchange)
			.onErrorResume((ex) -> Mono.empty())
			.flatMap((handler) -> (handler instanceof HandlerMethod method)
					? Mono.justOrEmpty(this.policies.policy(method)) : Mono.empty())
			.flatMap((policy) -> authentication().doOnNext((authentication) -> this.authorizer.authorize(policy,
					authentication.orElse(null), exchange.getRequest().getMethod().name(), route(exchange),
					exchange.getAttribute(CorrelationId.ATTRIBUTE))))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

	private static Mono<Optional<Authentication>> authentication() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	private static String route(ServerWebExchange exchange) {
		Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : "-";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
