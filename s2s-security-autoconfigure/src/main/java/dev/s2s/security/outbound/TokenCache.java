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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * The application-wide token cache.
 * <ul>
 * <li>Single flight: Caffeine's {@link AsyncCache} runs one load per key; every caller
 * that finds no valid token joins it.</li>
 * <li>Refresh ahead: the first caller past a token's renewal point starts one background
 * renewal and is served the current token, as is everyone else until the new one
 * lands.</li>
 * <li>Outage tolerance: a failed renewal keeps the current token until it is no longer
 * usable and is retried with exponential back-off and jitter; while backing off with no
 * usable token, callers fail at once instead of queueing on the endpoint.</li>
 * </ul>
 * Validity is decided against the injected clock on every read; Caffeine's own expiry
 * only frees memory.
 *
 * @author s2s-security team
 */
final class TokenCache {

	/** The shortest time between two refreshes a target's {@code 401} forces. */
	static final long FORCED_REFRESH_SECONDS = 10;

	private final AsyncCache<TokenKey, CachedToken> tokens;

	private final Cache<TokenKey, Backoff> backoffs;

	private final Map<TokenKey, CompletableFuture<CachedToken>> renewals = new ConcurrentHashMap<>();

	/** When a target's {@code 401} last forced a refresh, per key. */
	private final Cache<TokenKey, Instant> forcedRefreshes;

	private final BiFunction<TokenKey, String, CompletableFuture<CachedToken>> fetcher;

	private final Clock clock;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final TokenMetrics metrics;

	TokenCache(BiFunction<TokenKey, String, CompletableFuture<CachedToken>> fetcher, Clock clock, long maximumSize,
			Duration initialBackoff, Duration maxBackoff, TokenMetrics metrics) {
		this.fetcher = fetcher;
		this.clock = clock;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.metrics = metrics;
		// Fetches bring their own future, so the executor only runs the cache's upkeep:
		// on the calling thread it costs less than a hand-off to a pool.
		this.tokens = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(new UntilExpiry(clock))
			.executor(Runnable::run)
			.buildAsync();
		this.backoffs = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maxBackoff).build();
		this.forcedRefreshes = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(Duration.ofSeconds(FORCED_REFRESH_SECONDS))
			.build();
	}

	/**
	 * The token for {@code key}; {@code target} names the asking target in metrics.
	 */
	CompletableFuture<CachedToken> get(TokenKey key, String target) {
		CompletableFuture<CachedToken> entry = this.tokens.getIfPresent(key);
		if (entry != null) {
			if (!entry.isDone()) {
				this.metrics.cacheMiss(target);
				return entry;
			}
			CachedToken token = entry.isCompletedExceptionally() ? null : entry.join();
			if (token != null) {
				long now = this.clock.millis();
				if (token.isUsableAt(now)) {
					if (token.isDueForRenewalAt(now)) {
						renew(key, target);
					}
					this.metrics.cacheHit(target);
					return entry;
				}
			}
			this.tokens.asMap().remove(key, entry);
		}
		this.metrics.cacheMiss(target);
		return this.tokens.get(key, (k, executor) -> load(k, target));
	}

	/**
	 * Forget {@code rejected} if it is still the cached token for {@code key}; a newer
	 * token that another caller already fetched stays.
	 */
	boolean evict(TokenKey key, String rejected) {
		CompletableFuture<CachedToken> entry = this.tokens.getIfPresent(key);
		if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
			return true;
		}
		CachedToken token = entry.join();
		if (!token.value().equals(rejected)) {
			return true; // a newer token is already there
		}
		Instant now = this.clock.instant();
		Instant last = this.forcedRefreshes.getIfPresent(key);
		if (last != null && last.plusSeconds(FORCED_REFRESH_SECONDS).isAfter(now)) {
			return false;
		}
		this.forcedRefreshes.put(key, now);
		return this.tokens.asMap().remove(key, entry);
	}

	/**
	 * Forget every cached token; renewals in flight still land.
	 */
	void clear() {
		this.tokens.synchronous().invalidateAll();
	}

	/**
	 * Until when token requests for a key back off after failures.
	 * @param key the key
	 * @return the time of the next attempt, or {@code null} when not backing off
	 */
	@Nullable Instant backoffUntil(TokenKey key) {
		Backoff backoff = this.backoffs.getIfPresent(key);
		return (backoff != null && this.clock.instant().isBefore(backoff.nextAttempt())) ? backoff.nextAttempt() : null;
	}

	/**
	 * How many token requests for a key failed in a row, since the last success.
	 * @param key the key
	 * @return the count
	 */
	int consecutiveFailures(TokenKey key) {
		Backoff backoff = this.backoffs.getIfPresent(key);
		return (backoff != null) ? backoff.failures() : 0;
	}

	private CompletableFuture<CachedToken> load(TokenKey key, String target) {
		CompletableFuture<CachedToken> renewal = this.renewals.get(key);
		if (renewal != null) {
			return renewal;
		}
		Backoff backoff = this.backoffs.getIfPresent(key);
		if (backoff != null && this.clock.instant().isBefore(backoff.nextAttempt())) {
			return CompletableFuture.failedFuture(backoff.failure());
		}
		return fetch(key, target);
	}

	private void renew(TokenKey key, String target) {
		if (this.renewals.containsKey(key)) {
			return;
		}
		Backoff backoff = this.backoffs.getIfPresent(key);
		if (backoff != null && this.clock.instant().isBefore(backoff.nextAttempt())) {
			return;
		}
		CompletableFuture<CachedToken> renewal = new CompletableFuture<>();
		if (this.renewals.putIfAbsent(key, renewal) != null) {
			return;
		}
		fetch(key, target).whenComplete((token, ex) -> {
			if (ex == null) {
				this.tokens.put(key, CompletableFuture.completedFuture(token));
			}
			this.renewals.remove(key, renewal);
			if (ex == null) {
				renewal.complete(token);
			}
			else {
				renewal.completeExceptionally(ex);
			}
		});
	}

	private CompletableFuture<CachedToken> fetch(TokenKey key, String target) {
		return this.fetcher.apply(key, target).whenComplete((token, ex) -> {
			if (ex == null) {
				this.backoffs.invalidate(key);
			}
			else {
				recordFailure(key, TokenEndpointClient.failure(ex));
			}
		});
	}

	private void recordFailure(TokenKey key, ServiceTokenException failure) {
		Backoff previous = this.backoffs.getIfPresent(key);
		int failures = (previous != null) ? previous.failures() + 1 : 1;
		long delay = Math.min(this.maxBackoff.toMillis(), this.initialBackoff.toMillis() << Math.min(failures - 1, 20));
		// Full jitter on the upper half: instances that failed together retry apart.
		long jittered = (delay / 2) + ThreadLocalRandom.current().nextLong((delay / 2) + 1);
		if (failure instanceof ServiceTokenException.RetryLater retryLater && retryLater.retryAfter() != null) {
			// The endpoint's own wish, within the back-off's bounds.
			jittered = Math.max(jittered, Math.min(this.maxBackoff.toMillis(), retryLater.retryAfter().toMillis()));
		}
		this.backoffs.put(key, new Backoff(failures, this.clock.instant().plusMillis(jittered), failure));
	}

	private record Backoff(int failures, Instant nextAttempt, ServiceTokenException failure) {

	}

	/**
	 * Frees a token's memory once it can no longer be served.
	 */
	private static final class UntilExpiry implements Expiry<TokenKey, CachedToken> {

		private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

		private final Clock clock;

		UntilExpiry(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(TokenKey key, CachedToken token, long currentTime) {
			Duration remaining = Duration.between(this.clock.instant(), token.expiresAt());
			// Saturated: Duration.toNanos() overflows past 292 years.
			return remaining.isNegative() ? 0
					: remaining.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : remaining.toNanos();
		}

		@Override
		public long expireAfterUpdate(TokenKey key, CachedToken token, long currentTime, long currentDuration) {
			return expireAfterCreate(key, token, currentTime);
		}

		@Override
		public long expireAfterRead(TokenKey key, CachedToken token, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
