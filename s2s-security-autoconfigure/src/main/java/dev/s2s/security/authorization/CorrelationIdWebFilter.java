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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every WebFlux request a correlation id, as {@link CorrelationIdFilter} does for
 * servlet requests. A reactive request has no thread of its own, so the id is put in the
 * Reactor context under {@code correlationId} (the MDC key) rather than in the MDC, and
 * read from there by context propagation if you enable it.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CorrelationIdWebFilter implements WebFilter, Ordered {

	/**
	 * The filter's order: before Spring Security, so that 401s carry the id too.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final Supplier<@Nullable String> traceId;

	/**
	 * Create a filter.
	 * @param traceId the current trace id, if tracing is in use
	 */
	public CorrelationIdWebFilter(Supplier<@Nullable String> traceId) {
		Assert.notNull(traceId, "traceId cannot be null");
		this.traceId = traceId;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = CorrelationId.resolve(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER),
				this.traceId);
		exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
		exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
		return chain.filter(exchange).contextWrite((context) -> context.put(CorrelationId.MDC_KEY, id));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
