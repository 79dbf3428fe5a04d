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

import java.io.IOException;
import java.util.function.Supplier;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

/**
 * Whether a first-seen token can be verified without waiting on the network, for the
 * reactive decoder: it verifies on the calling thread (as Spring's reactive decoder does)
 * when the key is in the cached JWK Set and the cache is not about to expire, and off the
 * event loop otherwise, where fetching the keys may block. Sits under Nimbus' JWK Set
 * cache and records what the cache last loaded and until when it keeps it; Nimbus does
 * not tell.
 *
 * @author s2s-security team
 */
final class KeysAtHand implements JWKSetSource<SecurityContext> {

	/** So that the cache cannot expire between this look and its own. */
	private static final long MARGIN_MILLIS = 1000;

	private static final ThreadLocal<Boolean> NO_FETCH = new ThreadLocal<>();

	private final JWKSetSource<SecurityContext> source;

	private final long timeToLiveMillis;

	private volatile @Nullable Loaded loaded;

	KeysAtHand(JWKSetSource<SecurityContext> source, long timeToLiveMillis) {
		this.source = source;
		this.timeToLiveMillis = timeToLiveMillis;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		JWKSet keys = this.source.getJWKSet(refreshEvaluator, currentTime, context);
		// Nimbus' cache keeps what it loads for its time to live from the time it asked.
		this.loaded = new Loaded(keys, currentTime + this.timeToLiveMillis);
		return keys;
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

	/**
	 * On a thread that must not fetch keys, stop before the cache would: unless it holds
	 * a key the selector picks, for a while yet.
	 * @param selector the token's key selector
	 * @param currentTime the time the cache runs on
	 * @throws NotAtHandException when fetching is forbidden and the key is not at hand
	 */
	void checkFetchAllowed(JWKSelector selector, long currentTime) throws NotAtHandException {
		if (NO_FETCH.get() == null) {
			return;
		}
		Loaded loaded = this.loaded;
		if (loaded == null || currentTime >= loaded.keptUntil - MARGIN_MILLIS
				|| selector.select(loaded.keys).isEmpty()) {
			throw new NotAtHandException();
		}
	}

	/**
	 * Run a verification that stops, with {@link NotAtHandException} as its cause, before
	 * any key fetch.
	 * @param verification the verification
	 * @param <T> its result
	 * @return its result
	 */
	static <T> T withoutFetching(Supplier<T> verification) {
		NO_FETCH.set(Boolean.TRUE);
		try {
			return verification.get();
		}
		finally {
			NO_FETCH.remove();
		}
	}

	private record Loaded(JWKSet keys, long keptUntil) {
	}

	/**
	 * The token's key is not in the cached keys: verifying it may fetch them.
	 */
	static final class NotAtHandException extends KeySourceException {

		private static final long serialVersionUID = 1L;

		NotAtHandException() {
			super("The key is not at hand; verify off the event loop");
		}

		/**
		 * Control flow on an event loop, never shown: no stack trace.
		 * @return this exception
		 */
		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
