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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Revokes inbound tokens, on every instance that shares the {@link RevocationStore}: one
 * token by its {@code jti}, or everything a client or a subject was issued up to now (or
 * up to a given instant). Tokens issued afterwards are accepted.
 *
 * <p>
 * When a method returns, the revocation is stored: from then on, every instance refuses
 * the token on its next request ({@link RedisRevocationStore}), or this instance does
 * ({@link InMemoryRevocationStore}). Entries are kept only as long as a token they revoke
 * can still be valid: its {@code exp} (at most the maximum token lifetime from now) plus
 * the clock skew, or, for a client or a subject, the instant plus the maximum token
 * lifetime and the clock skew.
 *
 * <pre>
 * tokenRevocation.revokeClient("order-service");
 * tokenRevocation.revokeToken(jwt);
 * </pre>
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class TokenRevocation {

	private final RevocationStore store;

	private final Duration maxTokenLifetime;

	private final Duration clockSkew;

	private final Clock clock;

	private final RevocationMetrics metrics;

	/**
	 * Create the API.
	 * @param store where revocations are kept
	 * @param maxTokenLifetime the longest lifetime an accepted token may have
	 * @param clockSkew the clock skew the time checks tolerate
	 * @param clock the clock
	 * @param metrics what revocations are reported to
	 */
	public TokenRevocation(RevocationStore store, Duration maxTokenLifetime, Duration clockSkew, Clock clock,
			RevocationMetrics metrics) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(maxTokenLifetime, "maxTokenLifetime cannot be null");
		Assert.notNull(clockSkew, "clockSkew cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(metrics, "metrics cannot be null");
		this.store = store;
		this.maxTokenLifetime = maxTokenLifetime;
		this.clockSkew = clockSkew;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Revoke a token whose expiry is not known: kept for the maximum token lifetime.
	 * @param jti the token's {@code jti}
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeToken(String jti) {
		Instant now = this.clock.instant();
		revoke(RevocationKey.token(jti), now, now.plus(this.maxTokenLifetime));
	}

	/**
	 * Revoke a token until it expires.
	 * @param jti the token's {@code jti}
	 * @param expiresAt its {@code exp}
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeToken(String jti, Instant expiresAt) {
		Assert.notNull(expiresAt, "expiresAt cannot be null");
		Instant now = this.clock.instant();
		Instant latest = now.plus(this.maxTokenLifetime);
		revoke(RevocationKey.token(jti), now, expiresAt.isBefore(latest) ? expiresAt : latest);
	}

	/**
	 * Revoke a token until it expires.
	 * @param jwt the token, which must have a {@code jti}
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeToken(Jwt jwt) {
		Assert.notNull(jwt, "jwt cannot be null");
		Assert.hasText(jwt.getId(), "Only a token with a 'jti' can be revoked alone; revoke its client or subject");
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt != null) {
			revokeToken(jwt.getId(), expiresAt);
		}
		else {
			revokeToken(jwt.getId());
		}
	}

	/**
	 * Revoke every token a client was issued up to now.
	 * @param clientId the client id
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeClient(String clientId) {
		revokeClient(clientId, this.clock.instant());
	}

	/**
	 * Revoke every token a client was issued at or before an instant.
	 * @param clientId the client id
	 * @param issuedBefore the instant, not in the future
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeClient(String clientId, Instant issuedBefore) {
		revokeIssuedBefore(RevocationKey.client(clientId), issuedBefore);
	}

	/**
	 * Revoke every token of a subject issued up to now.
	 * @param subject the {@code sub}
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeSubject(String subject) {
		revokeSubject(subject, this.clock.instant());
	}

	/**
	 * Revoke every token of a subject issued at or before an instant.
	 * @param subject the {@code sub}
	 * @param issuedBefore the instant, not in the future
	 * @throws RevocationStoreException when the store cannot be written
	 */
	public void revokeSubject(String subject, Instant issuedBefore) {
		revokeIssuedBefore(RevocationKey.subject(subject), issuedBefore);
	}

	private void revokeIssuedBefore(RevocationKey key, Instant issuedBefore) {
		Assert.notNull(issuedBefore, "issuedBefore cannot be null");
		Assert.isTrue(!issuedBefore.isAfter(this.clock.instant().plus(this.clockSkew)),
				"issuedBefore cannot be in the future: tokens not issued yet cannot be revoked");
		revoke(key, issuedBefore, issuedBefore.plus(this.maxTokenLifetime));
	}

	private void revoke(RevocationKey key, Instant issuedBefore, Instant lastValid) {
		this.store.revoke(key, issuedBefore, lastValid.plus(this.clockSkew));
		this.metrics.revoked(key.kind());
	}

}
