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
import org.slf4j.MDC;

import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every servlet request of an s2s filter chain a correlation id: the caller's
 * {@code X-Correlation-Id} if it is a plausible id (at most 64 letters, digits,
 * {@code . _ : -}), else the current trace id, else a random UUID. The id is echoed in
 * the response's {@code X-Correlation-Id}, put in the MDC as {@code correlationId} for
 * the request's log lines, and carried by every {@link CallerDecision}. Added first in
 * the chain by {@code S2sHttpConfigurer}, so that 401s carry it too.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

	private final CorrelationIds ids;

	/**
	 * Create a filter.
	 * @param ids where ids come from when the caller sends none
	 */
	public CorrelationIdFilter(CorrelationIds ids) {
		Assert.notNull(ids, "ids cannot be null");
		this.ids = ids;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object known = request.getAttribute(CorrelationId.ATTRIBUTE);
		String id = (known != null) ? known.toString() : this.ids.resolve(request.getHeader(CorrelationId.HEADER));
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

}
