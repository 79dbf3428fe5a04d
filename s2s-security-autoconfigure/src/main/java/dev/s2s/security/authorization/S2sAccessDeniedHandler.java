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

import dev.s2s.security.caller.CallerAuthentication;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a denied, authenticated servlet request. A denial by a {@link CallerDecision}
 * gets a 403 with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", ..., scope="..."} when a
 * scope is missing (RFC 6750 section 3.1) and a plain 403 for a caller of the wrong kind
 * or an unlisted service, where another token of the same caller would not help. Every
 * other denial (e.g. your own {@code @PreAuthorize}) is answered by Spring Security's
 * {@link BearerTokenAccessDeniedHandler} as before.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sAccessDeniedHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler delegate = new BearerTokenAccessDeniedHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		CallerDecision decision = CallerDecision.of(denied);
		boolean bearer = request.getUserPrincipal() instanceof CallerAuthentication caller && caller.getToken() != null;
		if (decision == null && !bearer) {
			this.delegate.handle(request, response, denied);
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		// Another rule (say @PreAuthorize) denied a bearer caller: what Spring's handler
		// says for its own token authentications.
		String challenge = (decision != null) ? decision.challenge() : CallerDecision.INSUFFICIENT_SCOPE;
		if (challenge != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
	}

}
