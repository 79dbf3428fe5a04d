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
package dev.s2s.security.dpop;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator.CacheValue;
import org.springframework.util.Assert;

/**
 * The cache Spring Security's {@link DPoPProofReplayValidator} remembers used proofs in,
 * through its one atomic operation, {@link #putIfAbsent}: the first use of a proof is
 * remembered and accepted, every later one refused.
 *
 * <p>
 * A proof is remembered by the thumbprint of its key and the SHA-256 of its {@code jti}
 * (which the validator computes), so that one client cannot use up another's ids, until
 * its {@code iat} plus twice the window: once for the window in which any instance
 * accepts the proof, and once more for instances whose clocks differ by up to the window.
 * There is no limit per key: a busy client with one key is never refused for being busy.
 *
 * <p>
 * When the cache cannot answer (a store failure, a deadline passed, the in-memory cache
 * full) the proof is neither accepted nor called invalid: {@link #putIfAbsent} throws a
 * {@link DPoPReplayUnavailableException}, a {@code 503} with {@code Retry-After}.
 * Accepting proofs unchecked while the store is down would let an attacker who can make
 * it fail replay proofs, so there is no fail-open mode. Lookups other than
 * {@code putIfAbsent} are not offered.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public abstract sealed class DPoPReplayCache implements Cache permits InMemoryDPoPReplayCache, RedisDPoPReplayCache {

	private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private static final Log logger = LogFactory.getLog(DPoPReplayCache.class);

	private final Duration window;

	private final Duration retryAfter;

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	/**
	 * The clock expiries are computed with.
	 */
	final Clock clock;

	DPoPReplayCache(Duration window, Duration retryAfter, Clock clock) {
		Assert.isTrue(window != null && !window.isNegative(), "window cannot be negative");
		Assert.notNull(retryAfter, "retryAfter cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.window = window;
		this.retryAfter = retryAfter;
		this.clock = clock;
	}

	/**
	 * Remember a proof, unless it is remembered already; atomically.
	 * @param key the proof's key thumbprint and {@code jti} digest
	 * @param value what to keep: the proof's {@code iat} and expiry
	 * @param ttl how long to keep it, positive
	 * @return whether it was not remembered before (the proof's first use)
	 * @throws RuntimeException when the store cannot tell
	 */
	abstract boolean remember(String key, String value, Duration ttl);

	@Override
	public final @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		Assert.isInstanceOf(String.class, key, "key must be the jti digest");
		Assert.isInstanceOf(CacheValue.class, value, "value must be a DPoPProofReplayValidator.CacheValue");
		CacheValue proof = (CacheValue) value;
		Duration ttl = Duration.between(this.clock.instant(), proof.getExpiresAt().plus(this.window));
		if (ttl.toMillis() <= 0) {
			ttl = Duration.ofMillis(1);
		}
		boolean first;
		try {
			first = remember(proof.getJwkThumbprint() + ":" + key, serialize(proof), ttl);
		}
		catch (RuntimeException ex) {
			warn(ex);
			throw new DPoPReplayUnavailableException(this.retryAfter, ex);
		}
		return first ? null : new SimpleValueWrapper(proof);
	}

	/**
	 * What is stored of a proof: Spring's {@code CacheValue} is not {@code Serializable},
	 * and only its times matter here (the thumbprint is in the key).
	 */
	static String serialize(CacheValue proof) {
		return proof.getIssuedAt().getEpochSecond() + "/" + proof.getExpiresAt().getEpochSecond();
	}

	private void warn(RuntimeException ex) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("DPoP replay check unavailable: " + ex.getMessage() + "; answering 503 until it is back");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("DPoP replay check unavailable: " + ex.getMessage());
		}
	}

	@Override
	public final void put(Object key, @Nullable Object value) {
		putIfAbsent(key, value);
	}

	@Override
	public final String getName() {
		return "s2s-dpop-proofs";
	}

	@Override
	public final Object getNativeCache() {
		return this;
	}

	@Override
	public final @Nullable ValueWrapper get(Object key) {
		return null;
	}

	@Override
	public final <T> @Nullable T get(Object key, @Nullable Class<T> type) {
		return null;
	}

	@Override
	public final <T> T get(Object key, Callable<T> valueLoader) {
		throw new UnsupportedOperationException("A replay cache only remembers proofs");
	}

	@Override
	public final void evict(Object key) {
		// Forgetting a used proof would let it be replayed.
	}

	@Override
	public final void clear() {
		// Forgetting used proofs would let them be replayed.
	}

}
