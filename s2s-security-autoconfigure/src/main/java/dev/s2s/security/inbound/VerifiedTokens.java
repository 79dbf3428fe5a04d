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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * values no other token has (its id and times), and, shared with the entries of the other
 * tokens of the same caller, the headers and the names and other values of the claims
 * (issuer, audience, subject, scopes...). The {@code Jwt} itself, whose maps Spring
 * Security copies into linked hash maps, is held weakly: it lives while requests use it
 * and is built again, from the entry, on the first use after a garbage collection dropped
 * it.
 *
 * @author s2s-security team
 */
final class VerifiedTokens {

	/** Enough of a signature to spread tokens over the table; far less than a token. */
	private static final int HASHED_CHARACTERS = 32;

	private final Cache<TokenKey, Entry> cache;

	/** Weak: a shared part lives as long as an entry uses it. */
	private final Interner<List<Object>> shapes = Interner.newWeakInterner();

	private final Interner<Map<String, Object>> headers = Interner.newWeakInterner();

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
		Entry entry = new Entry(jwt, this.shapes, this.headers);
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

		/** Where a claim's value is one of this token's own. */
		private static final Object OWN = new Object();

		/** Claims that differ from token to token. */
		private static final Set<String> UNIQUE = Set.of(JwtClaimNames.JTI, JwtClaimNames.IAT, JwtClaimNames.EXP,
				JwtClaimNames.NBF, "auth_time", "uti");

		private final String token;

		private final @Nullable Instant issuedAt;

		private final @Nullable Instant expiresAt;

		/** Shared by the tokens one key signed alike. */
		private final Map<String, Object> headers;

		/**
		 * The claims' names and values, one after the other in the token's order, with
		 * {@link #OWN} for the values of this token's own; shared by the tokens of one
		 * caller.
		 */
		private final List<Object> shape;

		/** The values this token does not share, in order. */
		private final Object[] own;

		private volatile WeakReference<@Nullable Jwt> jwt = new WeakReference<>(null);

		Entry(Jwt jwt, Interner<List<Object>> shapes, Interner<Map<String, Object>> headers) {
			this.token = jwt.getTokenValue();
			this.issuedAt = jwt.getIssuedAt();
			this.expiresAt = jwt.getExpiresAt();
			this.headers = headers.intern(Collections.unmodifiableMap(new LinkedHashMap<>(jwt.getHeaders())));
			Object[] shape = new Object[2 * jwt.getClaims().size()];
			List<Object> own = new ArrayList<>(UNIQUE.size());
			int i = 0;
			for (Map.Entry<String, Object> claim : jwt.getClaims().entrySet()) {
				shape[i++] = claim.getKey();
				Object shared = shareable(claim.getKey(), claim.getValue());
				if (shared == null) {
					own.add(claim.getValue());
				}
				shape[i++] = (shared != null) ? shared : OWN;
			}
			this.shape = shapes.intern(List.of(shape));
			this.own = own.toArray();
		}

		/**
		 * The value to share, or {@code null} when it is the token's own: unique by
		 * nature, or mutable (a JSON object), which no two tokens may share.
		 */
		private static @Nullable Object shareable(String name, Object value) {
			if (UNIQUE.contains(name)) {
				return null;
			}
			if (value instanceof String || value instanceof Boolean || value instanceof Long
					|| value instanceof Integer) {
				return value;
			}
			if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
				return List.copyOf(list);
			}
			return null;
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
			int own = 0;
			for (int i = 0; i < this.shape.size(); i += 2) {
				Object value = this.shape.get(i + 1);
				claims.put((String) this.shape.get(i), (value != OWN) ? value : this.own[own++]);
			}
			return new Jwt(this.token, this.issuedAt, this.expiresAt, this.headers, claims);
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

		int length() {
			return this.token.length();
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
