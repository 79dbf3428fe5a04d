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

import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.dpop.DPoPReplayUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

/**
 * The {@code WWW-Authenticate: DPoP} challenge of RFC 9449 section 7.1, the same on both
 * stacks: for a refused proof or a token that needs DPoP, {@code error},
 * {@code error_description} and {@code algs}; where DPoP is required, also for a request
 * without a token.
 *
 * @author s2s-security team
 */
final class DPoPChallenges {

	private DPoPChallenges() {
	}

	/**
	 * The challenge for a failure.
	 * @param binding the DPoP rules
	 * @param failure the failure
	 * @return the header value, or {@code null} when the failure is not DPoP's (a
	 * {@code Bearer} challenge answers it)
	 */
	static @Nullable String of(DPoPBinding binding, AuthenticationException failure) {
		if (failure instanceof DPoPReplayUnavailableException) {
			return null;
		}
		if (failure instanceof OAuth2AuthenticationException oauth) {
			OAuth2Error error = oauth.getError();
			if (!DPoPBinding.isDPoPError(error) && (!binding.isRequired() || isNot401(error))) {
				return null;
			}
			StringBuilder challenge = new StringBuilder("DPoP error=\"").append(quoted(error.getErrorCode()))
				.append('"');
			if (error.getDescription() != null) {
				challenge.append(", error_description=\"").append(quoted(error.getDescription())).append('"');
			}
			return challenge.append(", algs=\"")
				.append(String.join(" ", binding.getAlgorithms()))
				.append('"')
				.toString();
		}
		return binding.isRequired() ? "DPoP algs=\"" + String.join(" ", binding.getAlgorithms()) + "\"" : null;
	}

	private static boolean isNot401(OAuth2Error error) {
		return error instanceof BearerTokenError bearer && bearer.getHttpStatus() != HttpStatus.UNAUTHORIZED;
	}

	private static String quoted(String value) {
		StringBuilder quoted = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			// RFC 6749 allows %x20-21 / %x23-5B / %x5D-7E in error descriptions.
			quoted.append((c < 0x20 || c > 0x7e || c == '"' || c == '\\') ? '?' : c);
		}
		return quoted.toString();
	}

}
