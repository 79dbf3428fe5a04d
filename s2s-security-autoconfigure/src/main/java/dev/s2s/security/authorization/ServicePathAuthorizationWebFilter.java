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
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Enforces {@link ServicePathRules} in a reactive security filter chain, after Spring
 * Security's own authorization; the WebFlux twin of
 * {@link ServicePathAuthorizationFilter}. {@code S2sServerHttpSecurityCustomizer} adds it
 * to chains you write as well.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServicePathAuthorizationWebFilter implements WebFilter {

	private final ServicePathRules rules;

	private final CallerAuthorizer authorizer;

	/**
	 * Create a filter.
	 * @param rules the path rules
	 * @param authorizer the authorizer
	 */
	public ServicePathAuthorizationWebFilter(ServicePathRules rules, CallerAuthorizer authorizer) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(authorizer, "authorizer cannot be null");
		this.rules = rules;
		this.authorizer = authorizer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<ServicePathRules.ServicePath> servicePaths = this.rules
			.servicePaths(exchange.getRequest().getPath().pathWithinApplication());
		if (servicePaths.isEmpty()) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.map((context) -> Optional.ofNullable(context.getAuthentication()))
			.defaultIfEmpty(Optional.empty())
			.flatMapMany((authentication) -> Flux.fromIterable(servicePaths)
				.doOnNext((servicePath) -> this.authorizer.authorize(servicePath.policy(), authentication.orElse(null),
						exchange.getRequest().getMethod().name(), servicePath.pattern().getPatternString(),
						exchange.getAttribute(CorrelationId.ATTRIBUTE))))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

}
