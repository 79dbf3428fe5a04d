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

package dev.s2s.security.test;

import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.JWSObject;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link RecordingTarget} received, as it came off the wire.
 *
 * @param method the HTTP method
 * @param path the path, as sent (not decoded)
 * @param query the query string, as sent (not decoded), or {@code null} when there is
 * none
 * @param headers the headers; names are case-insensitive
 * @param body the body, decoded as UTF-8; empty when there is none
 * @author s2s-security team
 * @since 0.1.0
 */
public record TargetRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		String body) {

	private static final String BEARER = "Bearer ";

	/**
	 * Copies the headers into an unmodifiable map with case-insensitive names.
	 * @param method the HTTP method
	 * @param path the path, as sent
	 * @param query the query string, as sent, or {@code null}
	 * @param headers the headers
	 * @param body the body
	 */
	public TargetRequest {
		Args.notNull(method, "method");
		Args.notNull(path, "path");
		Args.notNull(body, "body");
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Args.notNull(headers, "headers").forEach((name, values) -> copy.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request has no such header
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.getOrDefault(name, List.of());
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * The {@code Authorization} header.
	 * @return the header's value, or {@code null}
	 */
	public @Nullable String authorization() {
		return header("Authorization");
	}

	/**
	 * The token of an {@code Authorization: Bearer} header.
	 * @return the token, or {@code null} when the request carries no bearer token
	 */
	public @Nullable String bearerToken() {
		String authorization = authorization();
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).trim();
		return token.isEmpty() ? null : token;
	}

	/**
	 * The {@code X-Correlation-Id} header, which s2s-security sends on calls to targets.
	 * @return the correlation id, or {@code null}
	 */
	public @Nullable String correlationId() {
		return header("X-Correlation-Id");
	}

	/**
	 * The claims of the bearer token, decoded but <em>not verified</em>; to verify, see
	 * {@link dev.s2s.security.test.assertj.BearerTokenAssert#isSignedBy(FakeTokenIssuer)}.
	 * @return the claims
	 * @throws IllegalStateException when the request carries no bearer token or the token
	 * is not a signed JWT
	 */
	public Map<String, Object> tokenClaims() {
		String token = bearerToken();
		if (token == null) {
			throw new IllegalStateException("The request carries no bearer token: " + this);
		}
		Map<String, Object> claims;
		try {
			claims = JWSObject.parse(token).getPayload().toJSONObject();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The bearer token is not a signed JWT", ex);
		}
		if (claims == null) {
			throw new IllegalStateException("The bearer token's payload is not a JSON object");
		}
		return claims;
	}

	/**
	 * Method, path and query, and whether a bearer token came along; never the token.
	 * @return a description of the request
	 */
	@Override
	public String toString() {
		return this.method + " " + this.path + ((this.query != null) ? "?" + this.query : "")
				+ ((bearerToken() != null) ? " (bearer token)" : " (no bearer token)");
	}

}
