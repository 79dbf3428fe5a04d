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

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every WebFlux request of an s2s filter chain a correlation id, as
 * {@link CorrelationIdFilter} does for servlet requests. A reactive request has no thread
 * of its own, so the id is put in the Reactor context under {@code correlationId} (the
 * MDC key) rather than in the MDC, and read from there by context propagation if you
 * enable it. Added first in the chain by {@code S2sServerHttpConfigurer}, so that 401s
 * carry it too.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CorrelationIdWebFilter implements WebFilter {

	private final CorrelationIds ids;

	/**
	 * Create a filter.
	 * @param ids where ids come from when the caller sends none
	 */
	public CorrelationIdWebFilter(CorrelationIds ids) {
		Assert.notNull(ids, "ids cannot be null");
		this.ids = ids;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = this.ids.resolve(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
		exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
		exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
		return chain.filter(exchange).contextWrite((context) -> context.put(CorrelationId.MDC_KEY, id));
	}

}
