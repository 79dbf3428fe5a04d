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
package dev.s2s.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated caller in the MDC ({@link CallerMdc}) for the rest of the
 * request, the handler's own log lines included, and takes it out afterwards.
 *
 * @author s2s-security team
 */
final class CallerMdcFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts;

	CallerMdcFilter(SecurityContextHolderStrategy contexts) {
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		String type = CallerMdc.type(authentication);
		if (type == null) {
			chain.doFilter(request, response);
			return;
		}
		String id = CallerMdc.id(authentication);
		MDC.put(CallerMdc.CALLER_TYPE, type);
		if (id != null) {
			MDC.put(CallerMdc.CALLER_ID, id);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(CallerMdc.CALLER_TYPE);
			MDC.remove(CallerMdc.CALLER_ID);
		}
	}

}
