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

import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.dpop.DPoPReplayUnavailableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers DPoP's refusals on servlet: a {@code 401} with a {@code DPoP} challenge (see
 * {@link DPoPChallenges}), or a {@code 503} with {@code Retry-After} when a proof's
 * replay could not be checked; anything else as before.
 *
 * @author s2s-security team
 */
final class DPoPEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint delegate;

	private final DPoPBinding binding;

	private DPoPEntryPoint(AuthenticationEntryPoint delegate, DPoPBinding binding) {
		this.delegate = delegate;
		this.binding = binding;
	}

	static AuthenticationEntryPoint decorate(AuthenticationEntryPoint entryPoint, @Nullable DPoPBinding binding) {
		return (binding != null) ? new DPoPEntryPoint(entryPoint, binding) : entryPoint;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException, ServletException {
		if (failure instanceof DPoPReplayUnavailableException unavailable) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, unavailable.retryAfterHeader());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return;
		}
		String challenge = DPoPChallenges.of(this.binding, failure);
		if (challenge == null) {
			this.delegate.commence(request, response, failure);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
