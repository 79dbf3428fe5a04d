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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

/**
 * Registered clients and their authentication at the token endpoint:
 * {@code client_secret_basic}, {@code client_secret_post} and {@code private_key_jwt}
 * (RFC 7523). Every failure is the same {@code invalid_client}, so a test cannot tell an
 * unknown client from a wrong secret, just as with a real server.
 *
 * @author s2s-security team
 */
final class ClientRegistry {

	static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, JWK> keys = new ConcurrentHashMap<>();

	private final Set<String> usedAssertionIds = ConcurrentHashMap.newKeySet();

	private final Clock clock;

	ClientRegistry(Clock clock) {
		this.clock = clock;
	}

	void register(String clientId, String secret) {
		this.keys.remove(clientId);
		this.secrets.put(clientId, secret);
	}

	void register(String clientId, JWK key) {
		this.secrets.remove(clientId);
		this.keys.put(clientId, key.toPublicJWK());
	}

	/**
	 * Authenticates the client of a token request.
	 * @param request the request
	 * @param audiences the values a client assertion's {@code aud} may name
	 * @return the authenticated client id
	 * @throws OAuthError {@code invalid_client}, or {@code invalid_request} when more
	 * than one method is used
	 */
	String authenticate(IssuerRequest request, List<String> audiences) throws OAuthError {
		String secret = request.param("client_secret");
		String assertion = request.param("client_assertion");
		int methods = ((request.authorization() != null) ? 1 : 0) + ((secret != null) ? 1 : 0)
				+ ((assertion != null) ? 1 : 0);
		if (methods > 1) {
			throw OAuthError.invalidRequest("More than one client authentication method was used");
		}
		if (request.authorization() != null) {
			String[] credentials = IssuerRequest.basicCredentials(request.authorization());
			if (credentials == null) {
				throw OAuthError.invalidClient("Malformed Basic client credentials", true);
			}
			return checkSecret(credentials[0], credentials[1], true);
		}
		if (secret != null) {
			return checkSecret(request.param("client_id"), secret, false);
		}
		if (assertion != null) {
			return checkAssertion(request, assertion, audiences);
		}
		throw OAuthError.invalidClient("Client authentication is required", false);
	}

	private String checkSecret(@Nullable String clientId, String secret, boolean basic) throws OAuthError {
		String expected = (clientId != null) ? this.secrets.get(clientId) : null;
		if (clientId == null || expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8))) {
			throw OAuthError.invalidClient("Client authentication failed", basic);
		}
		return clientId;
	}

	private String checkAssertion(IssuerRequest request, String assertion, List<String> audiences) throws OAuthError {
		if (!JWT_BEARER_ASSERTION.equals(request.param("client_assertion_type"))) {
			throw OAuthError.invalidClient("client_assertion_type must be " + JWT_BEARER_ASSERTION, false);
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw OAuthError.invalidClient("Malformed client assertion", false);
		}
		String clientId = claims.getIssuer();
		String claimedId = request.param("client_id");
		JWK key = (clientId != null) ? this.keys.get(clientId) : null;
		Date now = Date.from(this.clock.instant());
		boolean valid = key != null && clientId.equals(claims.getSubject())
				&& (claimedId == null || claimedId.equals(clientId)) && KeyRing.verify(jwt, key)
				&& claims.getAudience().stream().anyMatch(audiences::contains) && claims.getExpirationTime() != null
				&& now.before(claims.getExpirationTime())
				&& (claims.getNotBeforeTime() == null || !now.before(claims.getNotBeforeTime()))
				&& claims.getJWTID() != null && this.usedAssertionIds.add(clientId + " " + claims.getJWTID());
		if (!valid) {
			throw OAuthError.invalidClient("Client assertion rejected", false);
		}
		return clientId;
	}

}
