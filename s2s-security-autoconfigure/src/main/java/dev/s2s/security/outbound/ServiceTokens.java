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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import dev.s2s.security.inbound.LogRateLimiter;
import dev.s2s.security.inbound.LogSanitizer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.util.Assert;

/**
 * Tokens for the services this service calls: "the token for target X". One token per
 * target (per incoming token for {@link OutboundTarget.Identity#EXCHANGE exchange}
 * targets) is cached for the whole application, fetched once however many callers ask,
 * and renewed in the background before it expires, so callers do not wait on the token
 * endpoint while a valid token exists. The interceptors that attach tokens to
 * {@code RestClient}, {@code RestTemplate} and {@code WebClient} use this class; use it
 * directly for anything else:
 *
 * <pre>
 * String token = serviceTokens.getToken("inventory-service");
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServiceTokens implements AutoCloseable {

	/**
	 * The name of the observation of each token request, tagged with {@code s2s.target},
	 * {@code s2s.grant} ({@code client-credentials} or {@code token-exchange}) and
	 * {@code s2s.outcome} ({@code success} or {@code failure}).
	 */
	public static final String OBSERVATION = "s2s.outbound.token.fetch";

	private static final Log logger = LogFactory.getLog(ServiceTokens.class);

	/** What was last observed of each target's tokens, in configuration order. */
	private final Map<String, TargetTokenStatus> statuses = new LinkedHashMap<>();

	/** One failure line a minute per target. */
	private final Map<String, LogRateLimiter> failureLog = new ConcurrentHashMap<>();

	/**
	 * Threads for token requests and their discovery: enough for a few slow endpoints.
	 */
	static final int THREADS = 4;

	private final Map<String, Target> targets;

	private final TargetUrls urls = new TargetUrls();

	private final TokenCache cache;

	private final Duration deadline;

	private final ExecutorService executor;

	/** This service's DPoP key, when a target requires DPoP. */
	private final @Nullable DPoPProofs dpop;

	private ServiceTokens(Builder builder) {
		this.deadline = builder.deadline;
		// Bounded: token requests are few (one per key in flight) and must not grow a
		// thread per exchange under a slow endpoint.
		ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new DaemonThreads());
		executor.allowCoreThreadTimeOut(true);
		this.executor = executor;
		this.dpop = builder.targets.stream().anyMatch(OutboundTarget::dpop) ? DPoPProofs.generate() : null;
		TokenEndpointClient client = new TokenEndpointClient(builder.tokenUri, builder.issuerUri, builder.credentials,
				new TokenEndpointClient.TokenSettings(builder.connectTimeout, builder.readTimeout, builder.deadline,
						builder.maxResponseSize, builder.defaultTokenLifetime, builder.maxTokenLifetime,
						builder.renewAtFraction, builder.audienceParameter),
				builder.clock, this.executor, this.dpop, builder.sslContext);
		TokenMetrics metrics = builder.metrics;
		Clock clock = builder.clock;
		this.cache = new TokenCache(
				(key, target) -> fetch(client, key, target, metrics, this.failureLog, builder.observations)
					.whenComplete((token, ex) -> record(target, token, ex, clock)),
				builder.clock, builder.maximumCacheSize, builder.initialBackoff, builder.maxBackoff, metrics);
		this.targets = new LinkedHashMap<>();
		for (OutboundTarget target : builder.targets) {
			this.targets.put(target.name(), new Target(target, builder.credentials.getClientId()));
			this.statuses.put(target.name(), new TargetTokenStatus(target.name()));
			target.baseUrls().forEach((url) -> this.urls.add(url, target.name()));
		}
	}

	/**
	 * Start building {@link ServiceTokens}.
	 * @param credentials how this service authenticates to the token endpoint
	 * @return a builder
	 */
	public static Builder builder(ClientCredentials credentials) {
		return new Builder(credentials);
	}

	/**
	 * Return a token for the target, waiting at most for the deadline. For
	 * {@code forward} and {@code exchange} targets the incoming token is the credentials
	 * of the current {@link SecurityContextHolder} authentication.
	 * @param target the target name
	 * @return the token value
	 * @throws ServiceTokenException if no valid token can be had
	 */
	public String getToken(String target) {
		return getToken(target, incomingToken(SecurityContextHolder.getContext().getAuthentication()));
	}

	/**
	 * Return a token for the target, waiting at most for the deadline.
	 * @param target the target name
	 * @param incoming the caller's token, needed by {@code forward} and {@code exchange}
	 * targets
	 * @return the token value
	 * @throws ServiceTokenException if no valid token can be had
	 */
	public String getToken(String target, @Nullable AbstractOAuth2Token incoming) {
		return token(target, incoming).value();
	}

	/**
	 * Return a token for the target without blocking. The future completes at once when a
	 * valid token is cached.
	 * @param target the target name
	 * @param incoming the caller's token, needed by {@code forward} and {@code exchange}
	 * targets
	 * @return the token value, or a {@link ServiceTokenException}
	 */
	public CompletableFuture<String> getTokenAsync(String target, @Nullable AbstractOAuth2Token incoming) {
		return tokenAsync(target, incoming).thenApply(CachedToken::value);
	}

	/**
	 * The token, waiting at most for the deadline; a cached token is returned without
	 * allocating, which keeps the interceptor cheap.
	 */
	CachedToken token(String target, @Nullable AbstractOAuth2Token incoming) {
		CompletableFuture<CachedToken> token = tokenAsync(target, incoming);
		if (token.isDone() && !token.isCompletedExceptionally()) {
			return token.join();
		}
		try {
			return token.get(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw noTokenInTime(target);
		}
		catch (ExecutionException ex) {
			throw TokenEndpointClient.failure((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServiceTokenException("Interrupted while waiting for a token for target '" + target + "'");
		}
	}

	CompletableFuture<CachedToken> tokenAsync(String target, @Nullable AbstractOAuth2Token incoming) {
		Target resolved = target(target);
		OutboundTarget.Identity identity = resolved.definition().identity();
		if (identity == OutboundTarget.Identity.SERVICE) {
			return this.cache.get(resolved.serviceKey(), target);
		}
		if (incoming == null) {
			return CompletableFuture.failedFuture(new ServiceTokenException(
					"Target '" + target + "' needs the caller's bearer token, and the current request has none"));
		}
		if (identity == OutboundTarget.Identity.FORWARD) {
			return CompletableFuture.completedFuture(CachedToken.forwarded(incoming.getTokenValue()));
		}
		return this.cache.get(resolved.exchangeKey(incoming.getTokenValue()), target);
	}

	/**
	 * The DPoP proof a request with a DPoP-bound token carries.
	 * @param method the request method
	 * @param uri the request URI
	 * @param token the token sent
	 * @return the proof, for the {@code DPoP} header
	 */
	String dpopProof(String method, URI uri, CachedToken token) {
		if (this.dpop == null) {
			throw new ServiceTokenException("No target requires DPoP");
		}
		return this.dpop.proof(method, uri, token.value());
	}

	/**
	 * Remember the {@code DPoP-Nonce} a target answered with.
	 * @return whether it is new, so that a request refused for want of it may be sent
	 * again
	 */
	boolean dpopNonce(URI uri, @Nullable String nonce) {
		return this.dpop != null && this.dpop.nonce(uri, nonce);
	}

	ServiceTokenException noTokenInTime(String target) {
		return new ServiceTokenException("No token for target '" + target + "' within " + this.deadline);
	}

	/**
	 * Forget a token the target rejected, so the next call fetches a fresh one. A newer
	 * token is kept, and so is any token of a key whose last forced refresh was less than
	 * {@value TokenCache#FORCED_REFRESH_SECONDS} seconds ago: a target that rejects every
	 * token must not drive one token request per call.
	 * @param target the target name
	 * @param incoming the caller's token for {@code exchange} targets, else {@code null}
	 * @param rejected the rejected token value
	 * @return whether the token was forgotten, so that asking again fetches a new one
	 */
	public boolean invalidate(String target, @Nullable AbstractOAuth2Token incoming, String rejected) {
		Target resolved = target(target);
		return switch (resolved.definition().identity()) {
			case SERVICE -> this.cache.evict(resolved.serviceKey(), rejected);
			case EXCHANGE ->
				incoming != null && this.cache.evict(resolved.exchangeKey(incoming.getTokenValue()), rejected);
			case FORWARD -> false;
		};
	}

	/**
	 * Forget every cached token, so that the next call of each target fetches a new one:
	 * for when what the tokens were issued for changed, such as the client certificate
	 * they are bound to (RFC 8705) after a rotation.
	 */
	public void invalidateAll() {
		this.cache.clear();
	}

	/**
	 * Return the target a URL belongs to: same scheme, host and port as one of its base
	 * URLs, and a path under the base URL's path. The longest base path wins.
	 * @param url the request URL
	 * @return the target, or {@code null} if the URL belongs to none
	 */
	public @Nullable OutboundTarget findTarget(URI url) {
		String name = this.urls.find(url);
		Target target = (name != null) ? this.targets.get(name) : null;
		return (target != null) ? target.definition() : null;
	}

	/**
	 * Return the configured targets.
	 * @return the targets, in configuration order
	 */
	public List<OutboundTarget> getTargets() {
		return this.targets.values().stream().map(Target::definition).toList();
	}

	/**
	 * What was last observed of each target's tokens; reading it costs no network call.
	 * @return one status per target, in configuration order
	 */
	public List<TargetTokenStatus> getTargetStatuses() {
		return List.copyOf(this.statuses.values());
	}

	/**
	 * Until when requests for a target's service token back off after failures; reading
	 * it costs no network call.
	 * @param target the target name
	 * @return the time of the next attempt, or {@code null} when the target is not
	 * backing off
	 */
	public @Nullable Instant getBackoffUntil(String target) {
		Target resolved = this.targets.get(target);
		return (resolved != null) ? this.cache.backoffUntil(resolved.serviceKey()) : null;
	}

	/**
	 * How many requests for a target's service token failed in a row, since the last
	 * success.
	 * @param target the target name
	 * @return the count, {@code 0} after a success
	 */
	public int getConsecutiveFailures(String target) {
		Target resolved = this.targets.get(target);
		return (resolved != null) ? this.cache.consecutiveFailures(resolved.serviceKey()) : 0;
	}

	private void record(String target, @Nullable CachedToken token, @Nullable Throwable ex, Clock clock) {
		TargetTokenStatus status = this.statuses.get(target);
		if (status == null) {
			return;
		}
		if (token != null) {
			status.fetched(token, clock.instant());
		}
		else if (ex != null) {
			status.failed(LogSanitizer.sanitize(TokenEndpointClient.failure(ex).getMessage()), clock.instant());
		}
	}

	/**
	 * Return how long a caller waits for a token at most.
	 * @return the deadline
	 */
	public Duration getDeadline() {
		return this.deadline;
	}

	/**
	 * Return the caller's bearer token held by an authentication: its credentials when
	 * they are an OAuth 2.0 token.
	 * @param authentication the authentication, or {@code null}
	 * @return the token, or {@code null}
	 */
	public static @Nullable AbstractOAuth2Token incomingToken(@Nullable Authentication authentication) {
		return (authentication != null && authentication.getCredentials() instanceof AbstractOAuth2Token token) ? token
				: null;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "ServiceTokens[targets=" + this.targets.keySet() + "]";
	}

	private Target target(String name) {
		Target target = this.targets.get(name);
		if (target == null) {
			throw new ServiceTokenException(
					"No outbound target named '" + name + "'; configured: " + this.targets.keySet());
		}
		return target;
	}

	private static CompletableFuture<CachedToken> fetch(TokenEndpointClient client, TokenKey key, String target,
			TokenMetrics metrics, Map<String, LogRateLimiter> failureLog, ObservationRegistry observations) {
		long start = System.nanoTime();
		Observation observation = Observation.createNotStarted(OBSERVATION, observations)
			.contextualName("s2s token fetch")
			.lowCardinalityKeyValue("s2s.target", target)
			.lowCardinalityKeyValue("s2s.grant", (key.subjectToken() != null) ? "token-exchange" : "client-credentials")
			.start();
		return client.fetch(key, target).whenComplete((token, ex) -> {
			Duration latency = Duration.ofNanos(System.nanoTime() - start);
			metrics.tokenRequest(target, latency, ex == null);
			observation.lowCardinalityKeyValue("s2s.outcome", (ex == null) ? "success" : "failure");
			if (ex != null) {
				observation.error(TokenEndpointClient.failure(ex));
			}
			observation.stop();
			if (ex != null && logger.isWarnEnabled()) {
				long suppressed = failureLog.computeIfAbsent(target, (name) -> new LogRateLimiter(1)).tryAcquire();
				if (suppressed >= 0) {
					logger.warn("Token request for outbound target '" + target + "' failed: "
							+ LogSanitizer.sanitize(TokenEndpointClient.failure(ex).getMessage())
							+ "; calls to it fail once no cached token is valid (logged at most once a minute per target"
							+ ((suppressed > 0) ? "; " + suppressed + " failure(s) since the last line" : "") + ")");
				}
			}
			if (logger.isDebugEnabled()) {
				logger.debug((ex == null)
						? "Fetched token for " + key + " in " + latency.toMillis() + " ms, expires at "
								+ token.expiresAt()
						: "Token request for " + key + " failed in " + latency.toMillis() + " ms: "
								+ TokenEndpointClient.failure(ex).getMessage());
			}
		});
	}

	private record Target(OutboundTarget definition, TokenKey serviceKey) {

		Target(OutboundTarget definition, String clientId) {
			this(definition, new TokenKey(clientId, definition.audience(), definition.scopes(), null,
					definition.audienceParameter(), definition.dpop()));
		}

		TokenKey exchangeKey(String subjectToken) {
			return this.serviceKey.withSubjectToken(subjectToken);
		}

	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "s2s-token-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	/**
	 * Builds {@link ServiceTokens}. The defaults suit most services.
	 */
	public static final class Builder {

		private final ClientCredentials credentials;

		private @Nullable URI tokenUri;

		private @Nullable URI issuerUri;

		private final List<OutboundTarget> targets = new ArrayList<>();

		private AudienceParameter audienceParameter = AudienceParameter.BOTH;

		private Duration connectTimeout = Duration.ofSeconds(2);

		private Duration readTimeout = Duration.ofSeconds(5);

		private Duration deadline = Duration.ofSeconds(10);

		private int maxResponseSize = 64 * 1024;

		private Duration defaultTokenLifetime = Duration.ofMinutes(5);

		private Duration maxTokenLifetime = Duration.ofHours(24);

		private double renewAtFraction = 0.75;

		private Duration initialBackoff = Duration.ofSeconds(1);

		private Duration maxBackoff = Duration.ofSeconds(30);

		private long maximumCacheSize = 10_000;

		private TokenMetrics metrics = TokenMetrics.NONE;

		private ObservationRegistry observations = ObservationRegistry.NOOP;

		private Clock clock = Clock.systemUTC();

		private Supplier<@Nullable SSLContext> sslContext = () -> null;

		private Builder(ClientCredentials credentials) {
			Assert.notNull(credentials, "credentials cannot be null");
			this.credentials = credentials;
		}

		/**
		 * The token endpoint.
		 * @param tokenUri the token endpoint URI
		 * @return this builder
		 */
		public Builder tokenUri(URI tokenUri) {
			Assert.notNull(tokenUri, "tokenUri cannot be null");
			this.tokenUri = tokenUri;
			return this;
		}

		/**
		 * The issuer whose discovery document names the token endpoint; read at the first
		 * token request, not at startup.
		 * @param issuerUri the issuer URI
		 * @return this builder
		 */
		public Builder issuerUri(URI issuerUri) {
			Assert.notNull(issuerUri, "issuerUri cannot be null");
			this.issuerUri = issuerUri;
			return this;
		}

		/**
		 * Add a target.
		 * @param target the target
		 * @return this builder
		 */
		public Builder target(OutboundTarget target) {
			Assert.notNull(target, "target cannot be null");
			this.targets.add(target);
			return this;
		}

		/**
		 * How audiences are sent. The default is {@link AudienceParameter#BOTH}.
		 * @param audienceParameter the parameter choice
		 * @return this builder
		 */
		public Builder audienceParameter(AudienceParameter audienceParameter) {
			Assert.notNull(audienceParameter, "audienceParameter cannot be null");
			this.audienceParameter = audienceParameter;
			return this;
		}

		/**
		 * Timeouts of a token request. The defaults are 2 s to connect, 5 s to read and
		 * 10 s in total, which is also the longest a caller waits.
		 * @param connect the connect timeout
		 * @param read the read timeout
		 * @param deadline the total deadline
		 * @return this builder
		 */
		public Builder timeouts(Duration connect, Duration read, Duration deadline) {
			Assert.isTrue(positive(connect) && positive(read) && positive(deadline), "timeouts must be positive");
			this.connectTimeout = connect;
			this.readTimeout = read;
			this.deadline = deadline;
			return this;
		}

		/**
		 * The largest token response accepted. The default is 64 KiB.
		 * @param bytes the limit in bytes
		 * @return this builder
		 */
		public Builder maxResponseSize(int bytes) {
			Assert.isTrue(bytes > 0, "maxResponseSize must be positive");
			this.maxResponseSize = bytes;
			return this;
		}

		/**
		 * Lifetime of a token whose response has no {@code expires_in} and that is not a
		 * JWT with {@code exp}. The default is 5 minutes.
		 * @param lifetime the lifetime
		 * @return this builder
		 */
		public Builder defaultTokenLifetime(Duration lifetime) {
			Assert.isTrue(positive(lifetime), "defaultTokenLifetime must be positive");
			this.defaultTokenLifetime = lifetime;
			return this;
		}

		/**
		 * The longest a token is used, whatever its {@code expires_in} or {@code exp}
		 * says. The default is 24 hours.
		 * @param lifetime the lifetime
		 * @return this builder
		 */
		public Builder maxTokenLifetime(Duration lifetime) {
			Assert.isTrue(positive(lifetime), "maxTokenLifetime must be positive");
			this.maxTokenLifetime = lifetime;
			return this;
		}

		/**
		 * Renew a token in the background after this fraction of its lifetime.
		 * @param fraction between 0 (exclusive) and 1 (exclusive); the default is 0.75
		 * @return this builder
		 */
		public Builder renewAtFraction(double fraction) {
			Assert.isTrue(fraction > 0 && fraction < 1, "renewAtFraction must be between 0 and 1");
			this.renewAtFraction = fraction;
			return this;
		}

		/**
		 * Back-off between failed token requests, doubled per failure with jitter. The
		 * defaults are 1 s and 30 s.
		 * @param initial the first back-off
		 * @param max the longest back-off
		 * @return this builder
		 */
		public Builder backoff(Duration initial, Duration max) {
			Assert.isTrue(positive(initial) && max.compareTo(initial) >= 0, "backoff must be positive, max >= initial");
			this.initialBackoff = initial;
			this.maxBackoff = max;
			return this;
		}

		/**
		 * The most tokens kept. The default is 10,000.
		 * @param size the size
		 * @return this builder
		 */
		public Builder maximumCacheSize(long size) {
			Assert.isTrue(size > 0, "maximumCacheSize must be positive");
			this.maximumCacheSize = size;
			return this;
		}

		/**
		 * Metrics to record into. The default records nothing.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(TokenMetrics metrics) {
			Assert.notNull(metrics, "metrics cannot be null");
			this.metrics = metrics;
			return this;
		}

		/**
		 * Where token requests are observed ({@value ServiceTokens#OBSERVATION}). The
		 * default observes nothing.
		 * @param observations the registry
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry observations) {
			Assert.notNull(observations, "observations cannot be null");
			this.observations = observations;
			return this;
		}

		/**
		 * The clock that decides expiry. The default is the system UTC clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock cannot be null");
			this.clock = clock;
			return this;
		}

		/**
		 * The TLS context of connections to the token endpoint: its trust material and,
		 * for {@link ClientCredentials#tlsClientAuth(String)} and
		 * {@link ClientCredentials#selfSignedTlsClientAuth(String)}, the client
		 * certificate. Asked before every token request; a different instance than the
		 * last one (a rotated certificate) is used from the next connection on. The
		 * default is the JDK's default context.
		 * @param sslContext supplies the current context
		 * @return this builder
		 */
		public Builder sslContext(Supplier<SSLContext> sslContext) {
			Assert.notNull(sslContext, "sslContext cannot be null");
			this.sslContext = sslContext::get;
			return this;
		}

		private static boolean positive(Duration duration) {
			return !duration.isNegative() && !duration.isZero();
		}

		/**
		 * Build.
		 * @return the service tokens
		 */
		public ServiceTokens build() {
			Assert.state(
					this.tokenUri != null || this.issuerUri != null
							|| this.targets.stream().allMatch((t) -> t.identity() == OutboundTarget.Identity.FORWARD),
					"A token URI or an issuer URI is required");
			return new ServiceTokens(this);
		}

	}

}
