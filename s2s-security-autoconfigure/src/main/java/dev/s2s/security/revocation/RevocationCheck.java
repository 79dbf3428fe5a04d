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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * The revocation check: an {@link OAuth2TokenValidator} that the s2s decoder runs on
 * every request, tokens from its verified-token cache included, with one
 * {@link RevocationStore#find} per request (one Redis round trip, or none in memory).
 *
 * <p>
 * A token is revoked when its {@code jti} is, or when a client it names
 * ({@code client_id}, {@code azp}, {@code cid}, {@code appid}) or its {@code sub} was
 * revoked at or after its {@code iat} (a token without {@code iat} cannot prove it was
 * issued later, and is revoked too). A revoked token fails with {@code invalid_token}
 * "The token has been revoked", which the caller gets as {@code 401 invalid_token}.
 *
 * <p>
 * When the store fails or passes its deadline, the {@link RevocationFailMode} decides:
 * {@code OPEN} accepts the token (counted, and a warning at most once a minute);
 * {@code CLOSED} throws a {@link RevocationUnavailableException}, answered {@code 503}
 * with {@code Retry-After}. Neither is ever a {@code 500}.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class RevocationCheck implements OAuth2TokenValidator<Jwt> {

	/** The description of a revoked token's error, and so the decoder's reason. */
	public static final String REVOKED = "The token has been revoked";

	private static final String[] CLIENT_CLAIMS = { "client_id", "azp", "cid", "appid" };

	private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private static final Log logger = LogFactory.getLog(RevocationCheck.class);

	private static final OAuth2TokenValidatorResult REVOKED_RESULT = OAuth2TokenValidatorResult
		.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, REVOKED, null));

	private final RevocationStore store;

	private final RevocationFailMode failMode;

	private final Duration retryAfter;

	private final RevocationMetrics metrics;

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	/**
	 * Create a check.
	 * @param store where revocations are kept
	 * @param failMode what a request gets when the store fails
	 * @param retryAfter the {@code Retry-After} of a {@code 503} in closed mode
	 * @param metrics what the check reports to
	 */
	public RevocationCheck(RevocationStore store, RevocationFailMode failMode, Duration retryAfter,
			RevocationMetrics metrics) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(failMode, "failMode cannot be null");
		Assert.notNull(retryAfter, "retryAfter cannot be null");
		Assert.notNull(metrics, "metrics cannot be null");
		this.store = store;
		this.failMode = failMode;
		this.retryAfter = retryAfter;
		this.metrics = metrics;
	}

	/**
	 * The keys a token is looked up by: its {@code jti}, every client it names and its
	 * {@code sub}, each once.
	 * @param jwt the token
	 * @return the keys
	 */
	public static List<RevocationKey> keysOf(Jwt jwt) {
		List<RevocationKey> keys = new ArrayList<>(4);
		String jti = jwt.getId();
		if (jti != null && !jti.isEmpty()) {
			keys.add(RevocationKey.token(jti));
		}
		for (String claim : CLIENT_CLAIMS) {
			Object value = jwt.getClaims().get(claim);
			if (value instanceof String client && !client.isEmpty()) {
				RevocationKey key = RevocationKey.client(client);
				if (!keys.contains(key)) {
					keys.add(key);
				}
			}
		}
		String subject = jwt.getSubject();
		if (subject != null && !subject.isEmpty()) {
			keys.add(RevocationKey.subject(subject));
		}
		return keys;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		List<RevocationKey> keys = keysOf(jwt);
		long start = System.nanoTime();
		List<@Nullable Instant> found;
		try {
			found = this.store.find(keys);
		}
		catch (RuntimeException ex) {
			return storeFailed(ex, start);
		}
		boolean revoked = isRevoked(keys, found, jwt.getIssuedAt());
		this.metrics.checked(revoked ? "revoked" : "accepted", Duration.ofNanos(System.nanoTime() - start));
		return revoked ? REVOKED_RESULT : OAuth2TokenValidatorResult.success();
	}

	private static boolean isRevoked(List<RevocationKey> keys, List<@Nullable Instant> found,
			@Nullable Instant issuedAt) {
		for (int i = 0; i < keys.size(); i++) {
			Instant before = found.get(i);
			if (before == null) {
				continue;
			}
			if (keys.get(i).kind() == RevocationKey.Kind.TOKEN || issuedAt == null
					|| issuedAt.getEpochSecond() <= before.getEpochSecond()) {
				return true;
			}
		}
		return false;
	}

	private OAuth2TokenValidatorResult storeFailed(RuntimeException ex, long start) {
		Duration latency = Duration.ofNanos(System.nanoTime() - start);
		if (this.failMode == RevocationFailMode.CLOSED) {
			this.metrics.checked("failed-closed", latency);
			warn(ex, "answering 503 until it is back (fail-mode: closed)");
			throw new RevocationUnavailableException(this.retryAfter, ex);
		}
		this.metrics.checked("failed-open", latency);
		warn(ex, "accepting tokens without the check until it is back (fail-mode: open)");
		return OAuth2TokenValidatorResult.success();
	}

	/**
	 * Logs a store outage at most once a minute: every request fails while it lasts. The
	 * message of a store exception names no token.
	 */
	private void warn(RuntimeException ex, String consequence) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("Revocation status unavailable: " + ex.getMessage() + "; " + consequence);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Revocation status unavailable: " + ex.getMessage());
		}
	}

}
