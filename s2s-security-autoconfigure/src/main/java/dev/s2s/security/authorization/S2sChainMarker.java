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
import java.util.Objects;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Marks each dispatch that an s2s filter chain handles, so that the caller annotations
 * and the default for unannotated handlers apply to the requests of s2s chains only, and
 * a user's own pages behind a chain of their own stay as they are. Runs on every dispatch
 * (request, forward, include, error, async), not once per request: a forward from one
 * chain's path into another's is marked, or not, by the chain of its target. Its presence
 * in a {@code SecurityFilterChain} is also how s2s-security tells that a chain applies
 * s2s.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sChainMarker implements Filter {

	private static final String ATTRIBUTE = S2sChainMarker.class.getName() + ".DISPATCH";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Object previous = request.getAttribute(ATTRIBUTE);
		request.setAttribute(ATTRIBUTE, Dispatch.of((HttpServletRequest) request));
		try {
			chain.doFilter(request, response);
		}
		finally {
			request.setAttribute(ATTRIBUTE, previous);
		}
	}

	/**
	 * Whether an s2s filter chain handles the current dispatch of a request.
	 * @param request the request
	 * @return whether it does
	 */
	static boolean handles(HttpServletRequest request) {
		return Dispatch.of(request).equals(request.getAttribute(ATTRIBUTE));
	}

	/**
	 * What tells the dispatches of one request apart: a forward or an error dispatch
	 * changes the URI, an include only its include attribute.
	 */
	private record Dispatch(DispatcherType type, String uri, @Nullable Object include) {

		static Dispatch of(HttpServletRequest request) {
			return new Dispatch(request.getDispatcherType(), Objects.toString(request.getRequestURI(), ""),
					request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI));
		}

	}

}
