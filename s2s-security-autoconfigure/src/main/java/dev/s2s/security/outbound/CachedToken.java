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

package dev.s2s.security.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * An issued token with the instants that drive the cache: renew from {@code renewAt},
 * serve until {@code usableUntil} (a little before it really expires, so it does not
 * expire in flight). {@code authorization} is the header value, built once because a
 * token is sent many times.
 *
 * @author s2s-security team
 */
final class CachedToken {

	private static final Duration MAX_SKEW = Duration.ofSeconds(5);

	private static final Instant LAST_MILLI = Instant.ofEpochMilli(Long.MAX_VALUE);

	private final String value;

	private final String authorization;

	private final Instant expiresAt;

	private final Instant renewAt;

	private final Instant usableUntil;

	// Every request compares against these: epoch millis, so that reading the clock
	// builds no Instant.
	private final long renewAtMillis;

	private final long usableUntilMillis;

	private CachedToken(String value, String authorization, Instant expiresAt, Instant renewAt, Instant usableUntil) {
		this.value = value;
		this.authorization = authorization;
		this.expiresAt = expiresAt;
		this.renewAt = renewAt;
		this.usableUntil = usableUntil;
		this.renewAtMillis = epochMillis(renewAt);
		this.usableUntilMillis = epochMillis(usableUntil);
	}

	static CachedToken of(String value, Instant issuedAt, Instant expiresAt, double renewAtFraction) {
		return of(value, issuedAt, expiresAt, renewAtFraction, false);
	}

	/**
	 * A token; a DPoP-bound one is sent with the {@code DPoP} scheme (and a proof).
	 */
	static CachedToken of(String value, Instant issuedAt, Instant expiresAt, double renewAtFraction, boolean dpop) {
		Duration lifetime = Duration.between(issuedAt, expiresAt);
		// A tenth of the lifetime, at most 5 s: a 30 s token is served for 27 s, a 60 s
		// one for 55 s.
		Duration skew = lifetime.dividedBy(10);
		if (skew.compareTo(MAX_SKEW) > 0) {
			skew = MAX_SKEW;
		}
		Instant renewAt = issuedAt.plusMillis((long) (lifetime.toMillis() * renewAtFraction));
		return new CachedToken(value, (dpop ? "DPoP " : "Bearer ") + value, expiresAt, renewAt, expiresAt.minus(skew));
	}

	/**
	 * The caller's own token, forwarded as is and never cached.
	 */
	static CachedToken forwarded(String value) {
		return new CachedToken(value, "Bearer " + value, Instant.MAX, Instant.MAX, Instant.MAX);
	}

	/**
	 * Whether the token is DPoP-bound, so that every request needs a proof.
	 */
	boolean isDPoP() {
		return this.authorization.startsWith("DPoP ");
	}

	String value() {
		return this.value;
	}

	String authorization() {
		return this.authorization;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	Instant renewAt() {
		return this.renewAt;
	}

	Instant usableUntil() {
		return this.usableUntil;
	}

	/**
	 * Whether the token may still be sent.
	 * @param nowMillis the time, in milliseconds since the epoch
	 */
	boolean isUsableAt(long nowMillis) {
		return nowMillis < this.usableUntilMillis;
	}

	/**
	 * Whether a renewal should start.
	 * @param nowMillis the time, in milliseconds since the epoch
	 */
	boolean isDueForRenewalAt(long nowMillis) {
		return nowMillis >= this.renewAtMillis;
	}

	/**
	 * Rounded down; a forwarded token's {@code Instant.MAX} held at the end. Issued
	 * tokens expire after the time they were received (the token endpoint client refuses
	 * others).
	 */
	private static long epochMillis(Instant instant) {
		return instant.isAfter(LAST_MILLI) ? Long.MAX_VALUE : instant.toEpochMilli();
	}

	@Override
	public String toString() {
		return "CachedToken[expiresAt=" + this.expiresAt + "]";
	}

}
