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

import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.authorization.CorrelationId;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Decorates the entry point and access-denied handler of a servlet s2s chain: they answer
 * as before, then the refusal is recorded.
 *
 * @author s2s-security team
 */
final class ServletRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final AuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler accessDenied;

	private final RefusalRecorder recorder;

	ServletRefusals(AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDenied, RefusalRecorder recorder) {
		this.entryPoint = entryPoint;
		this.accessDenied = accessDenied;
		this.recorder = recorder;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException, ServletException {
		this.entryPoint.commence(request, response, failure);
		this.recorder.record(Refusal.unauthenticated(response.getStatus(), failure, request(request)), true);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		this.accessDenied.handle(request, response, denied);
		Authentication caller = (request.getUserPrincipal() instanceof Authentication it) ? it : null;
		this.recorder.record(Refusal.denied(response.getStatus(), denied, request(request), caller),
				!isCallerDecision(denied));
	}

	static boolean isCallerDecision(AccessDeniedException denied) {
		return denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof CallerDecision;
	}

	private static Refusal.Request request(HttpServletRequest request) {
		Object correlationId = request.getAttribute(CorrelationId.ATTRIBUTE);
		return new Refusal.Request(request.getMethod(), request.getRequestURI(),
				(correlationId != null) ? correlationId.toString() : null);
	}

}
