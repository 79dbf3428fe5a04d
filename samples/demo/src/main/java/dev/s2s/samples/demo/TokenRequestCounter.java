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
package dev.s2s.samples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts token requests per client at the identity provider, so the demo can show how
 * many tokens the services asked for.
 *
 * @author s2s-security team
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class TokenRequestCounter extends OncePerRequestFilter {

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	int requests(String clientId) {
		AtomicInteger count = this.requests.get(clientId);
		return (count != null) ? count.get() : 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().endsWith("/oauth2/token")) {
			this.requests.computeIfAbsent(clientId(request), (id) -> new AtomicInteger()).incrementAndGet();
		}
		chain.doFilter(request, response);
	}

	private static String clientId(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.startsWith("Basic ")) {
			String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)),
					StandardCharsets.UTF_8);
			return credentials.substring(0, Math.max(0, credentials.indexOf(':')));
		}
		String clientId = request.getParameter("client_id");
		return (clientId != null) ? clientId : "unknown";
	}

}
