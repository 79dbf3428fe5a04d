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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Finds the one bearer token of a request (RFC 6750 section 2), the same way on both
 * stacks: only in the {@code Authorization} header. More than one credential (two
 * {@code Authorization} headers, two values in one, or an {@code access_token} in the
 * query string, alone or next to a header) is a {@code 400 invalid_request}: which one
 * would count is exactly what an attacker would like to choose. A token in the URI is
 * never accepted, since URIs end up in logs. Form bodies are not read (reading them here
 * would consume the body of every form request), so an {@code access_token} there is
 * simply ignored. The stacks' adapters live in their configurers, so that neither needs
 * the other's classes.
 *
 * @author s2s-security team
 */
final class BearerTokens {

	private static final String SCHEME = "Bearer ";

	/**
	 * The characters of an RFC 6750 {@code b64token} before its {@code '='} padding; a
	 * table, because a regular expression over a token of a thousand characters costs
	 * more than the rest of a cached token's checks.
	 */
	private static final boolean[] TOKEN_CHARACTERS = new boolean[128];

	static {
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/".chars()
			.forEach((c) -> TOKEN_CHARACTERS[c] = true);
	}

	private BearerTokens() {
	}

	/**
	 * The request's bearer token.
	 * @param authorization the values of its {@code Authorization} headers
	 * @param tokenInQuery whether its query string has an {@code access_token} parameter
	 * @return the token, or {@code null} when the request carries none (or another
	 * scheme, left to other authentication)
	 * @throws OAuth2AuthenticationException {@code invalid_request} for more than one
	 * credential, {@code invalid_token} for a malformed bearer value
	 */
	static @Nullable String resolve(List<String> authorization, boolean tokenInQuery) {
		if (tokenInQuery) {
			throw new OAuth2AuthenticationException(BearerTokenErrors
				.invalidRequest("Send the access token in the Authorization header only, never in the URI"));
		}
		if (authorization.size() > 1) {
			throw new OAuth2AuthenticationException(
					BearerTokenErrors.invalidRequest("Found several Authorization headers; send exactly one"));
		}
		if (authorization.isEmpty() || !authorization.get(0).regionMatches(true, 0, "Bearer", 0, 6)) {
			return null;
		}
		String value = authorization.get(0);
		if (value.indexOf(',') >= 0 || value.trim().indexOf(' ', 7) >= 0) {
			throw new OAuth2AuthenticationException(
					BearerTokenErrors.invalidRequest("Found several credentials in the Authorization header"));
		}
		if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !isB64Token(value, SCHEME.length())) {
			throw new InvalidBearerTokenException("Bearer token is malformed");
		}
		return value.substring(SCHEME.length());
	}

	/** Whether the value from {@code start} on is {@code 1*( token68 chars ) *"="}. */
	private static boolean isB64Token(String value, int start) {
		int end = value.length();
		while (end > start && value.charAt(end - 1) == '=') {
			end--;
		}
		if (end == start) {
			return false;
		}
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (c >= TOKEN_CHARACTERS.length || !TOKEN_CHARACTERS[c]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a raw query string has an {@code access_token} parameter, percent-encoded
	 * names included.
	 * @param query the raw query string
	 * @return whether it has one
	 */
	static boolean hasTokenParameter(@Nullable String query) {
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			try {
				if ("access_token".equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// A name that is not valid percent-encoding is no access_token either.
			}
		}
		return false;
	}

}
