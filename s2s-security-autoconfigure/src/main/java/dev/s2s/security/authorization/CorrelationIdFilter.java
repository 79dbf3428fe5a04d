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
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every servlet request a correlation id: the caller's {@code X-Correlation-Id} if
 * it is a plausible id (at most 64 letters, digits, {@code . _ : -}), else the current
 * trace id, else a random UUID. The id is echoed in the response's
 * {@code X-Correlation-Id}, put in the MDC as {@code correlationId} for the request's log
 * lines, and carried by every {@link S2sAuthorizationEvent}. Runs before Spring Security,
 * so 401s carry it too.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {

	/**
	 * The filter's order: after Boot's observation filter (so that the trace id exists),
	 * before Spring Security.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final Supplier<@Nullable String> traceId;

	/**
	 * Create a filter.
	 * @param traceId the current trace id, if tracing is in use
	 */
	public CorrelationIdFilter(Supplier<@Nullable String> traceId) {
		Assert.notNull(traceId, "traceId cannot be null");
		this.traceId = traceId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object known = request.getAttribute(CorrelationId.ATTRIBUTE);
		String id = (known != null) ? known.toString()
				: CorrelationId.resolve(request.getHeader(CorrelationId.HEADER), this.traceId);
		request.setAttribute(CorrelationId.ATTRIBUTE, id);
		if (!response.containsHeader(CorrelationId.HEADER)) {
			response.setHeader(CorrelationId.HEADER, id);
		}
		String previous = MDC.get(CorrelationId.MDC_KEY);
		MDC.put(CorrelationId.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(CorrelationId.MDC_KEY, previous);
			}
			else {
				MDC.remove(CorrelationId.MDC_KEY);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
