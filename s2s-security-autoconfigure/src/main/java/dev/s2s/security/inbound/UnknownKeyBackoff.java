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

package dev.s2s.security.inbound;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Nimbus' {@link JWKSetBasedJWKSource} (select from the cached keys; when none matches,
 * refresh them once and select again) with a back-off for key ids the keys do not have:
 * once two refreshes in a row, less than the back-off interval apart, did not bring a
 * token's key, no token makes the keys refresh again for the interval. A flood of made-up
 * key ids so costs one fetch per interval (two at its start), one bad token does not hold
 * up a key rotation, while a key published before its first use is still fetched at once:
 * the first unknown key is looked up without waiting, limited only by the short interval
 * of Nimbus' {@link RateLimitedJWKSetSource} under the cache. On a thread that must not
 * wait (see {@link KeysAtHand}), it stops before the cache could fetch.
 *
 * @author s2s-security team
 */
final class UnknownKeyBackoff implements JWKSource<SecurityContext>, Closeable {

	private final JWKSetSource<SecurityContext> keys;

	private final KeysAtHand atHand;

	private final long backoffMillis;

	private final Clock clock;

	/** Until when unknown key ids are refused without a refresh. */
	private final AtomicLong refusingUntil = new AtomicLong(Long.MIN_VALUE);

	/** When a refresh last did not bring a token's key. */
	private final AtomicLong lastMiss = new AtomicLong(Long.MIN_VALUE);

	UnknownKeyBackoff(JWKSetSource<SecurityContext> keys, KeysAtHand atHand, Duration backoff, Clock clock) {
		this.keys = keys;
		this.atHand = atHand;
		this.backoffMillis = backoff.toMillis();
		this.clock = clock;
	}

	/**
	 * Stop the refresh thread of the cached keys.
	 */
	@Override
	public void close() throws IOException {
		this.keys.close();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		// The time Nimbus' caches run on, as in JWKSetBasedJWKSource.
		long currentTime = System.currentTimeMillis();
		this.atHand.checkFetchAllowed(selector, currentTime);
		JWKSet known = this.keys.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), currentTime, context);
		List<JWK> selected = selector.select(known);
		if (!selected.isEmpty()) {
			return selected;
		}
		if (this.clock.millis() < this.refusingUntil.get()) {
			throw new RateLimitReachedException();
		}
		// Refreshed only if no other thread did since 'known' was read.
		JWKSet refreshed = this.keys.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(known), currentTime,
				context);
		selected = selector.select(refreshed);
		if (selected.isEmpty()) {
			long now = this.clock.millis();
			long previous = this.lastMiss.getAndSet(now);
			if (previous != Long.MIN_VALUE && now - previous <= this.backoffMillis) {
				this.refusingUntil.set(now + this.backoffMillis);
			}
		}
		return selected;
	}

}
