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
record CachedToken(String value, String authorization, Instant expiresAt, Instant renewAt, Instant usableUntil) {

	private static final Duration MAX_SKEW = Duration.ofSeconds(5);

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

	boolean isUsableAt(Instant now) {
		return now.isBefore(this.usableUntil);
	}

	boolean isDueForRenewalAt(Instant now) {
		return !now.isBefore(this.renewAt);
	}

	@Override
	public String toString() {
		return "CachedToken[expiresAt=" + this.expiresAt + "]";
	}

}
