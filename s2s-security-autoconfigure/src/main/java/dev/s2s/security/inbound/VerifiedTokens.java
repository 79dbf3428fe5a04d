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

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Interner;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * The tokens an {@link S2sJwtDecoder} verified, until they expire. Built for the request
 * path: every request brings its token in a new {@code String}, whose hash the JDK has
 * not computed yet, so entries are found by a hash of the token's last characters (its
 * signature) and confirmed by comparing the whole token.
 *
 * <p>
 * An entry keeps what its token's {@link Jwt} is made of, compactly: the token, the
 * claims in one array, and instances shared with the other entries of what tokens repeat
 * (claim names, issuer, audience, subject, the headers of one key...). The {@code Jwt}
 * itself, whose maps Spring Security copies into linked hash maps, is held weakly: it
 * lives while requests use it and is built again, from the entry, on the first use after
 * a garbage collection dropped it.
 *
 * @author s2s-security team
 */
final class VerifiedTokens {

	/** Enough of a signature to spread tokens over the table; far less than a token. */
	private static final int HASHED_CHARACTERS = 32;

	private final Cache<TokenKey, Entry> cache;

	/** Weak: a shared value lives as long as an entry uses it. */
	private final Interner<Object> shared = Interner.newWeakInterner();

	private final Interner<Map<String, Object>> sharedHeaders = Interner.newWeakInterner();

	VerifiedTokens(long maximumSize, Clock clock) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.creating((TokenKey token, Entry entry) -> remainingLifetime(entry.expiresAt, clock)))
			// Upkeep on the calling thread: handing it to a pool costs more than it
			// takes, on every first-seen token.
			.executor(Runnable::run)
			.recordStats()
			.build();
	}

	@Nullable Jwt get(String token) {
		Entry entry = this.cache.getIfPresent(new TokenKey(token));
		return (entry != null) ? entry.jwt() : null;
	}

	/**
	 * Remember a verified token.
	 * @return the same token, built from what is remembered: to use in its place, so the
	 * requests using it share what the other entries share
	 */
	Jwt put(Jwt jwt) {
		Entry entry = new Entry(jwt, this.shared, this.sharedHeaders);
		this.cache.put(new TokenKey(jwt.getTokenValue()), entry);
		return entry.jwt();
	}

	void invalidate(String token) {
		this.cache.invalidate(new TokenKey(token));
	}

	CacheStats stats() {
		return this.cache.stats();
	}

	private static Duration remainingLifetime(@Nullable Instant expiresAt, Clock clock) {
		Duration remaining = (expiresAt != null) ? Duration.between(clock.instant(), expiresAt) : Duration.ZERO;
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	/**
	 * What the cache keeps of a verified token: enough to build its {@code Jwt} again.
	 */
	private static final class Entry {

		private final String token;

		private final @Nullable Instant issuedAt;

		private final @Nullable Instant expiresAt;

		/** Shared by the tokens one key signed alike. */
		private final Map<String, Object> headers;

		/** Names and values, one after the other, in the token's order. */
		private final Object[] claims;

		private volatile WeakReference<@Nullable Jwt> jwt = new WeakReference<>(null);

		Entry(Jwt jwt, Interner<Object> shared, Interner<Map<String, Object>> sharedHeaders) {
			this.token = jwt.getTokenValue();
			this.issuedAt = jwt.getIssuedAt();
			this.expiresAt = jwt.getExpiresAt();
			Map<String, Object> headers = new LinkedHashMap<>();
			jwt.getHeaders().forEach((name, value) -> headers.put(name, share(value, shared)));
			this.headers = sharedHeaders.intern(Collections.unmodifiableMap(headers));
			this.claims = new Object[2 * jwt.getClaims().size()];
			int i = 0;
			for (Map.Entry<String, Object> claim : jwt.getClaims().entrySet()) {
				this.claims[i++] = shared.intern(claim.getKey());
				// Unique per token: sharing it would only cost.
				this.claims[i++] = JwtClaimNames.JTI.equals(claim.getKey()) ? claim.getValue()
						: share(claim.getValue(), shared);
			}
		}

		Jwt jwt() {
			Jwt jwt = this.jwt.get();
			if (jwt == null) {
				// Two threads may both build it: the same token, equal results.
				jwt = build();
				this.jwt = new WeakReference<>(jwt);
			}
			return jwt;
		}

		private Jwt build() {
			Map<String, Object> claims = new LinkedHashMap<>();
			for (int i = 0; i < this.claims.length; i += 2) {
				claims.put((String) this.claims[i], this.claims[i + 1]);
			}
			return new Jwt(this.token, this.issuedAt, this.expiresAt, this.headers, claims);
		}

		private static Object share(Object value, Interner<Object> shared) {
			if (value instanceof String) {
				return shared.intern(value);
			}
			if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
				return shared.intern(list.stream().map(shared::intern).toList());
			}
			return value;
		}

	}

	/**
	 * A token as a cache key: hashed over its last characters, equal only to the very
	 * same token.
	 */
	static final class TokenKey {

		private final String token;

		private final int hash;

		TokenKey(String token) {
			this.token = token;
			int hash = 0;
			for (int i = Math.max(0, token.length() - HASHED_CHARACTERS); i < token.length(); i++) {
				hash = 31 * hash + token.charAt(i);
			}
			this.hash = hash;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof TokenKey key && key.hash == this.hash && key.token.equals(this.token);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
