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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.util.Assert;

/**
 * A {@link DPoPReplayCache} in this instance's memory, for a service with one instance
 * (or tests). Each proof is kept only as long as it could be replayed, so a client
 * sending {@code r} requests a second keeps about {@code r} times two windows (12,000
 * entries at 200 requests a second with the default 30 s window); the cache holds at most
 * {@code maximumSize} proofs over all clients, about 200 bytes each. Full, it refuses new
 * proofs with {@code 503} rather than forget one that could still be replayed.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class InMemoryDPoPReplayCache extends DPoPReplayCache {

	private final long maximumSize;

	/** Kept proofs, with how long each is kept. */
	private final Cache<String, Duration> proofs;

	/**
	 * Create a cache.
	 * @param window the proof window, as given to the validator
	 * @param retryAfter the {@code Retry-After} of a {@code 503} when full
	 * @param maximumSize the most proofs kept
	 * @param clock the clock
	 */
	public InMemoryDPoPReplayCache(Duration window, Duration retryAfter, long maximumSize, Clock clock) {
		super(window, retryAfter, clock);
		Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
		this.maximumSize = maximumSize;
		this.proofs = Caffeine.newBuilder()
			.expireAfter(Expiry.<String, Duration>creating((key, ttl) -> ttl))
			.executor(Runnable::run)
			.build();
	}

	@Override
	boolean remember(String key, String value, Duration ttl) {
		if (this.proofs.estimatedSize() >= this.maximumSize) {
			this.proofs.cleanUp();
			if (this.proofs.estimatedSize() >= this.maximumSize) {
				throw new IllegalStateException("the in-memory replay cache is full (" + this.maximumSize
						+ " proofs, s2s.security.inbound.dpop.replay.maximum-size)");
			}
		}
		return this.proofs.asMap().putIfAbsent(key, ttl) == null;
	}

	/**
	 * How many proofs are kept, expired ones excluded once cleaned up.
	 * @return the approximate count
	 */
	public long size() {
		this.proofs.cleanUp();
		return this.proofs.estimatedSize();
	}

}
