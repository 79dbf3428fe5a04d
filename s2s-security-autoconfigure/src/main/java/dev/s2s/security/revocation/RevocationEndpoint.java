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
package dev.s2s.security.revocation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * An Actuator endpoint, {@code s2srevocation}, with one write operation that revokes a
 * token, a client's tokens or a subject's tokens through {@link TokenRevocation}. Its
 * access is {@code NONE} unless configured: it must be allowed
 * ({@code management.endpoint.s2srevocation.access: unrestricted}) and exposed, and
 * should be reachable only by operators.
 *
 * <p>
 * {@code POST /actuator/s2srevocation} with a JSON body naming exactly one of
 * {@code jti}, {@code client} or {@code subject}, and optionally {@code issuedBefore}
 * (client or subject; ISO-8601, default now) or {@code expiresAt} (jti; ISO-8601, default
 * the maximum token lifetime from now).
 *
 * @author s2s-security team
 * @since 0.3.0
 */
@Endpoint(id = "s2srevocation", defaultAccess = Access.NONE)
public final class RevocationEndpoint {

	private final TokenRevocation revocation;

	/**
	 * Create the endpoint.
	 * @param revocation the revocation API
	 */
	public RevocationEndpoint(TokenRevocation revocation) {
		Assert.notNull(revocation, "revocation cannot be null");
		this.revocation = revocation;
	}

	/**
	 * Revoke a token, a client's tokens or a subject's tokens.
	 * @param jti the token id to revoke
	 * @param client the client whose tokens to revoke
	 * @param subject the subject whose tokens to revoke
	 * @param issuedBefore for a client or subject, the instant tokens issued at or before
	 * are revoked (ISO-8601; default now)
	 * @param expiresAt for a token, its expiry (ISO-8601; default the maximum token
	 * lifetime from now)
	 * @return what was revoked, by digest
	 */
	@WriteOperation
	public Map<String, String> revoke(@Nullable String jti, @Nullable String client, @Nullable String subject,
			@Nullable String issuedBefore, @Nullable String expiresAt) {
		int named = ((jti != null) ? 1 : 0) + ((client != null) ? 1 : 0) + ((subject != null) ? 1 : 0);
		if (named != 1) {
			throw new InvalidEndpointRequestException("Name exactly one of jti, client or subject",
					"Name exactly one of jti, client or subject");
		}
		Map<String, String> result = new LinkedHashMap<>();
		try {
			if (jti != null) {
				if (issuedBefore != null) {
					throw invalid("issuedBefore applies to a client or a subject; a jti takes expiresAt");
				}
				Instant expiry = instant(expiresAt, "expiresAt");
				if (expiry != null) {
					this.revocation.revokeToken(jti, expiry);
				}
				else {
					this.revocation.revokeToken(jti);
				}
				result.put("revoked", RevocationKey.token(jti).digest());
				return result;
			}
			if (expiresAt != null) {
				throw invalid("expiresAt applies to a jti; a client or subject takes issuedBefore");
			}
			Instant before = instant(issuedBefore, "issuedBefore");
			if (client != null) {
				if (before != null) {
					this.revocation.revokeClient(client, before);
				}
				else {
					this.revocation.revokeClient(client);
				}
				result.put("revoked", RevocationKey.client(client).digest());
			}
			else if (subject != null) {
				if (before != null) {
					this.revocation.revokeSubject(subject, before);
				}
				else {
					this.revocation.revokeSubject(subject);
				}
				result.put("revoked", RevocationKey.subject(subject).digest());
			}
			return result;
		}
		catch (IllegalArgumentException ex) {
			throw invalid(String.valueOf(ex.getMessage()));
		}
	}

	private static @Nullable Instant instant(@Nullable String value, String name) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid(name + " must be an ISO-8601 instant, such as 2026-01-31T12:00:00Z");
		}
	}

	private static InvalidEndpointRequestException invalid(String reason) {
		return new InvalidEndpointRequestException(reason, reason);
	}

}
