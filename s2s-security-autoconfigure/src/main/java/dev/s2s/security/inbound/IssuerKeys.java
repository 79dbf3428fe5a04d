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
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.s2s.security.discovery.IssuerMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Builds an issuer's key source of Nimbus' parts, as its {@link JWKSourceBuilder} would:
 * cached, refreshed ahead, rate limited and outage tolerant, with an
 * {@link UnknownKeyBackoff} in front. The JWK Set address is discovered on first use, not
 * at startup, so the application starts while the identity provider is down, and
 * discovery failures are retried under the same rate limit as key fetches.
 *
 * @author s2s-security team
 */
final class IssuerKeys {

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

	private IssuerKeys() {
	}

	static UnknownKeyBackoff of(TrustedIssuer issuer, JwksSettings settings, IssuerKeysStatus status, Clock clock) {
		ResourceRetriever retriever = new DefaultResourceRetriever((int) settings.connectTimeout().toMillis(),
				(int) settings.readTimeout().toMillis(), settings.maxResponseSizeBytes());
		long ttl = settings.cacheTimeToLive().toMillis();
		// Nimbus needs the refresh to fit inside the time to live.
		long refreshTimeout = Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, ttl / 4);
		long refreshAhead = Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, ttl / 4);
		JWKSetSource<SecurityContext> keys = new DiscoveringSource(issuer, retriever, status, clock);
		keys = new OutageTolerantJWKSetSource<>(keys, settings.outageTolerance().toMillis(), null);
		keys = new RateLimitedJWKSetSource<>(keys, retryInterval(settings).toMillis(), null);
		KeysAtHand atHand = new KeysAtHand(keys, ttl);
		keys = new RefreshAheadCachingJWKSetSource<>(atHand, ttl, refreshTimeout, refreshAhead, false,
				refreshThread(issuer), true, null);
		return new UnknownKeyBackoff(keys, atHand, settings.minRefreshInterval(), clock);
	}

	/**
	 * Where the keys are refreshed ahead of their expiry: one daemon thread, gone when
	 * idle. Nimbus' own default is a thread that never ends and keeps the JVM running.
	 */
	private static ExecutorService refreshThread(TrustedIssuer issuer) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "s2s-keys-refresh " + issuer.issuerUri());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * The least time between two fetches of any cause (an unknown key id, a failure, an
	 * expiry): short, so that a key published just before its first use is fetched at
	 * once.
	 */
	static Duration retryInterval(JwksSettings settings) {
		return (settings.minRefreshInterval().compareTo(RETRY_INTERVAL) < 0) ? settings.minRefreshInterval()
				: RETRY_INTERVAL;
	}

	/**
	 * Fetches the JWK Set, first finding its address in the issuer's metadata when it was
	 * not configured.
	 */
	private static final class DiscoveringSource implements JWKSetSource<SecurityContext> {

		private final TrustedIssuer issuer;

		private final ResourceRetriever retriever;

		private final IssuerKeysStatus status;

		private final Clock clock;

		private volatile @Nullable JWKSetSource<SecurityContext> keys;

		DiscoveringSource(TrustedIssuer issuer, ResourceRetriever retriever, IssuerKeysStatus status, Clock clock) {
			this.issuer = issuer;
			this.retriever = retriever;
			this.status = status;
			this.clock = clock;
			URI jwkSetUri = issuer.jwkSetUri();
			this.keys = (jwkSetUri != null) ? new URLBasedJWKSetSource<>(toUrl(jwkSetUri), retriever) : null;
		}

		@Override
		public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
				throws KeySourceException {
			try {
				JWKSetSource<SecurityContext> source = this.keys;
				if (source == null) {
					source = new URLBasedJWKSetSource<>(toUrl(discoverJwkSetUri()), this.retriever);
					this.keys = source;
				}
				JWKSet keys = source.getJWKSet(refreshEvaluator, currentTime, context);
				this.status.fetched(keys, this.clock.instant());
				return keys;
			}
			catch (KeySourceException | RuntimeException ex) {
				this.status.failed(ex, this.clock.instant());
				throw ex;
			}
		}

		private URI discoverJwkSetUri() throws KeySourceException {
			try {
				return IssuerMetadata.uri(IssuerMetadata.fetch(this.issuer.issuerUri(), this.retriever), "jwks_uri");
			}
			catch (IOException ex) {
				throw new KeySourceException("Discovery failed: " + ex.getMessage());
			}
		}

		private static URL toUrl(URI uri) {
			try {
				return uri.toURL();
			}
			catch (java.net.MalformedURLException ex) {
				throw new IllegalArgumentException("Not a URL: " + uri, ex);
			}
		}

		@Override
		public void close() throws IOException {
			JWKSetSource<SecurityContext> source = this.keys;
			if (source != null) {
				source.close();
			}
		}

	}

}
