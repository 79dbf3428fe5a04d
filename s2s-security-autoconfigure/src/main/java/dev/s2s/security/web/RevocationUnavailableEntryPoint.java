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

import dev.s2s.security.revocation.RevocationUnavailableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Decorates the bearer-token entry point: a request whose token's revocation status is
 * unknown (the store is down and the fail mode is closed) gets {@code 503} with
 * {@code Retry-After} instead of a {@code 401} that would tell a good caller its token is
 * bad; every other failure goes to the decorated entry point.
 *
 * @author s2s-security team
 */
final class RevocationUnavailableEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint delegate;

	RevocationUnavailableEntryPoint(AuthenticationEntryPoint delegate) {
		this.delegate = delegate;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (authException instanceof RevocationUnavailableException unavailable) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, unavailable.retryAfterHeader());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return;
		}
		this.delegate.commence(request, response, authException);
	}

}
