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
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link RevocationStore} in this instance's memory (Caffeine): for a service with one
 * instance, and for tests. Revocations are lost on restart and not seen by other
 * instances; use {@link RedisRevocationStore} for those.
 *
 * <p>
 * Entries expire at their {@code keepUntil}; when more than the maximum size are kept,
 * the least recently used are evicted (and their tokens accepted again), so the size
 * should exceed the revocations expected within one maximum token lifetime. Entries are
 * kept by key, not by digest: nothing leaves the process, and a lookup hashes nothing.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class InMemoryRevocationStore implements RevocationStore {

	private final Cache<RevocationKey, Entry> entries;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param maximumSize most entries kept
	 * @param clock the clock expiry is measured with
	 */
	public InMemoryRevocationStore(long maximumSize, Clock clock) {
		Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
		this.entries = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfter(Expiry.writing((RevocationKey key, Entry entry) -> remaining(entry.keepUntil())))
			.build();
	}

	@Override
	public void revoke(RevocationKey key, Instant issuedBefore, Instant keepUntil) {
		Assert.notNull(key, "key cannot be null");
		Assert.notNull(issuedBefore, "issuedBefore cannot be null");
		Assert.notNull(keepUntil, "keepUntil cannot be null");
		if (!keepUntil.isAfter(this.clock.instant())) {
			return;
		}
		this.entries.asMap()
			.merge(key, new Entry(issuedBefore, keepUntil),
					(old, added) -> new Entry(later(old.issuedBefore(), added.issuedBefore()),
							later(old.keepUntil(), added.keepUntil())));
	}

	@Override
	public List<@Nullable Instant> find(List<RevocationKey> keys) {
		List<@Nullable Instant> found = new ArrayList<>(keys.size());
		for (RevocationKey key : keys) {
			Entry entry = this.entries.getIfPresent(key);
			found.add((entry != null) ? entry.issuedBefore() : null);
		}
		return found;
	}

	/**
	 * How many entries are kept, expired ones removed first.
	 * @return the number of entries
	 */
	public long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

	private Duration remaining(Instant keepUntil) {
		Duration remaining = Duration.between(this.clock.instant(), keepUntil);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private record Entry(Instant issuedBefore, Instant keepUntil) {
	}

}
