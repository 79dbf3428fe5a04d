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
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;

/**
 * The {@link JwtDecoder} of s2s-security: Spring Security's {@link NimbusJwtDecoder}
 * configured to check everything a service-to-service token must prove, with a cache of
 * tokens already verified in front of it.
 *
 * <p>
 * Checked on every token: size, an allowed asymmetric signature by the keys of the
 * trusted issuer its {@code iss} names, strict encoding (UTF-8 JSON without byte-order
 * mark or duplicate names), raw claim types, issuer, audience, access token type, the
 * time checks ({@code exp} required and not passed, {@code nbf} and {@code iat} not in
 * the future, a bounded lifetime) and the application's own validators. A token seen
 * before is taken from the cache, where the time checks and the application's validators
 * run again: a validator that starts refusing a token takes effect on its next use. A
 * token refused for a reason that cannot change (a bad signature, another audience, an
 * expiry passed) is refused again for the same reason, for a minute, without checking its
 * signature again.
 *
 * <p>
 * Every failure, including an unreachable identity provider, is a {@link BadJwtException}
 * with one generic message, which Spring Security answers with 401 {@code invalid_token}:
 * callers learn nothing about keys or addresses, and an outage never becomes a 500. The
 * reason is logged at debug level, with control characters removed. The one exception is
 * an application check that throws an
 * {@link org.springframework.security.core.AuthenticationException} because it cannot
 * decide now (the revocation check with its store down, in fail-mode closed): that
 * exception reaches Spring Security's entry point unchanged, which s2s-security answers
 * with 503.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sJwtDecoder implements JwtDecoder, AutoCloseable {

	/** Larger than any real access token; larger input is refused before parsing. */
	static final int MAX_TOKEN_LENGTH = 16 * 1024;

	static final String INVALID = "The access token is invalid";

	/** What NimbusJwtDecoder puts before every reason. */
	private static final String SPRING_PREFIX = "An error occurred while attempting to decode the Jwt: ";

	private static final long OUTAGE_WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private static final Log logger = LogFactory.getLog(S2sJwtDecoder.class);

	private final NimbusJwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> timeChecks;

	/**
	 * The application's own checks (revocation, tenant...), which, like the time checks,
	 * run on every request, cached tokens included.
	 */
	private final OAuth2TokenValidator<Jwt> applicationChecks;

	private final boolean hasApplicationChecks;

	private final @Nullable VerifiedTokens verified;

	private final @Nullable RefusedTokens refused;

	private final Duration clockSkew;

	/** When the last outage warning of each issuer was logged. */
	private final Map<String, AtomicLong> lastOutageWarnings = new ConcurrentHashMap<>();

	/** The trusted issuers, to name one in a log line only if it is one of them. */
	private final Set<String> issuerUris;

	/** What was last observed of each issuer's keys, in configuration order. */
	private final Map<String, IssuerKeysStatus> statuses = new LinkedHashMap<>();

	private final Clock clock;

	/** Each issuer's keys, refreshed ahead of their expiry on a thread of their own. */
	private final List<UnknownKeyBackoff> keySources = new ArrayList<>();

	private S2sJwtDecoder(Builder builder) {
		Map<String, JWSKeySelector<SecurityContext>> keys = new HashMap<>();
		Map<String, OAuth2TokenValidator<Jwt>> checks = new HashMap<>();
		this.clock = builder.clock;
		this.issuerUris = builder.issuers.stream()
			.map(TrustedIssuer::issuerUri)
			.collect(Collectors.toUnmodifiableSet());
		for (TrustedIssuer issuer : builder.issuers) {
			IssuerKeysStatus status = new IssuerKeysStatus(issuer.issuerUri());
			this.statuses.put(issuer.issuerUri(), status);
			UnknownKeyBackoff keySource = IssuerKeys.of(issuer, builder.jwks, status, builder.clock);
			this.keySources.add(keySource);
			keys.put(issuer.issuerUri(), new AllowedKeySelector(issuer.issuerUri(), issuer.algorithms(), keySource));
			List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
			validators.add(TokenValidators.issuer(issuer.issuerUri()));
			validators.add(TokenValidators.audience(issuer.audiences()));
			validators.add(TokenValidators::accessToken);
			if (issuer.atJwtTypeRequired()) {
				validators.add(TokenValidators.atJwtType());
			}
			checks.put(issuer.issuerUri(), TokenValidators.all(validators));
		}
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWTClaimsSetAwareJWSKeySelector(new IssuerKeySelector(keys));
		processor.setJWSVerifierFactory(new JwsVerifiers());
		// Type and claims are checked by Spring validators below, with better errors.
		processor.setJWSTypeVerifier((type, context) -> {
		});
		// Raw claim types, before Spring's converter coerces them ('sub: 123' to "123").
		processor.setJWTClaimsSetVerifier(new ClaimTypes());
		this.timeChecks = TokenValidators.time(builder.clockSkew, builder.maxTokenLifetime, builder.clock);
		this.applicationChecks = TokenValidators.all(builder.validators);
		this.hasApplicationChecks = !builder.validators.isEmpty();
		this.decoder = new NimbusJwtDecoder(processor);
		this.clockSkew = builder.clockSkew;
		this.decoder.setJwtValidator((jwt) -> validate(jwt, checks));
		this.verified = (builder.cacheMaximumSize > 0) ? new VerifiedTokens(builder.cacheMaximumSize, builder.clock)
				: null;
		this.refused = (builder.cacheMaximumSize > 0) ? new RefusedTokens(builder.cacheMaximumSize, builder.clock)
				: null;
	}

	/**
	 * Start building a decoder.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt cached = cached(token);
		return (cached != null) ? cached : verifyAndCache(token);
	}

	/**
	 * Verify a token not found by {@link #cached(String)}, and remember it.
	 * @param token the token
	 * @return the verified token
	 * @throws BadJwtException when the token is not valid
	 */
	Jwt verifyAndCache(String token) {
		Jwt jwt = verify(token);
		return (this.verified != null) ? this.verified.put(jwt) : jwt;
	}

	/**
	 * Verify a token not found by {@link #cached(String)} on a thread that must not wait
	 * on the network, and remember it.
	 * @param token the token
	 * @return the verified token
	 * @throws BadJwtException when the token is not valid
	 * @throws KeysNotAtHand when verifying it would fetch keys: verify it elsewhere
	 */
	Jwt verifyAndCacheWithoutFetching(String token) {
		return KeysAtHand.withoutFetching(() -> verifyAndCache(token));
	}

	/**
	 * Whether the application added checks of its own, which may block (a revocation
	 * store across the network, say).
	 * @return whether there are any
	 */
	boolean hasApplicationChecks() {
		return this.hasApplicationChecks;
	}

	/**
	 * A token verified before, after running its time checks again.
	 * @param token the token
	 * @return the verified token, or {@code null} when it was not seen before
	 * @throws BadJwtException when the token is too large, no longer valid, or was
	 * refused before for a reason that cannot change
	 */
	@Nullable Jwt cached(String token) {
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw rejected("token larger than " + MAX_TOKEN_LENGTH + " characters");
		}
		VerifiedTokens verified = this.verified;
		Jwt jwt = (verified != null) ? verified.get(token) : null;
		if (jwt == null && this.refused != null) {
			RejectedTokenException refusal = this.refused.get(token);
			if (refusal != null) {
				throw logged(refusal);
			}
		}
		if (verified != null && jwt != null) {
			OAuth2TokenValidatorResult result = this.timeChecks.validate(jwt);
			if (result.hasErrors()) {
				verified.invalidate(token);
				throw rejected(result.getErrors().iterator().next().getDescription());
			}
			result = this.applicationChecks.validate(jwt);
			if (result.hasErrors()) {
				throw rejected(result.getErrors().iterator().next().getDescription());
			}
		}
		return jwt;
	}

	/**
	 * Stop refreshing the issuers' keys: their refresh threads end. Spring calls it when
	 * the application context closes.
	 */
	@Override
	public void close() {
		for (UnknownKeyBackoff keySource : this.keySources) {
			try {
				keySource.close();
			}
			catch (IOException ex) {
				// The sources hold no connection; an idle refresh thread ends by itself.
				logger.debug("Closing an issuer's key source failed", ex);
			}
		}
	}

	/**
	 * What was last observed of each trusted issuer's keys; reading it costs no network
	 * call.
	 * @return one status per trusted issuer, in configuration order
	 */
	public List<IssuerKeysStatus> issuerStatuses() {
		return List.copyOf(this.statuses.values());
	}

	/**
	 * Statistics of the verified-token cache.
	 * @return hits, misses and evictions; empty when the cache is disabled
	 */
	public CacheStats cacheStats() {
		return (this.verified != null) ? this.verified.stats() : CacheStats.empty();
	}

	private Jwt verify(String token) {
		String malformed = TokenEncoding.problem(token);
		if (malformed != null) {
			throw rejected(malformed);
		}
		try {
			return this.decoder.decode(token);
		}
		catch (BadJwtException ex) {
			RejectedTokenException refusal = rejected(withoutSpringPrefix(ex.getMessage()));
			// A bad signature or malformed claims stay so; a validator's refusal is
			// remembered by validate, which knows whether it can change.
			if (hasCause(ex, BadJWSException.class) || hasCause(ex, BadJWTException.class)) {
				remember(token, refusal);
			}
			throw refusal;
		}
		catch (AuthenticationException ex) {
			// An application check that cannot decide now (a revocation store that is
			// down, in fail-mode closed): neither a bad token nor a key outage.
			throw ex;
		}
		catch (RuntimeException ex) {
			if (hasCause(ex, KeysAtHand.NotAtHandException.class)) {
				// Stopped before any fetch, on a thread that must not wait: not a
				// refusal.
				throw new KeysNotAtHand(ex);
			}
			if (hasCause(ex, IssuerKeySelector.UntrustedIssuerException.class)) {
				if (logger.isDebugEnabled()) {
					logger.debug("Rejected a token: untrusted issuer");
				}
				throw RejectedTokenException.untrustedIssuer();
			}
			if (hasCause(ex, RateLimitReachedException.class)) {
				throw rejected("unknown key id; keys were refetched too recently to look again");
			}
			String issuer = issuerOf(token);
			IssuerKeysStatus status = this.statuses.get(issuer);
			if (status != null) {
				status.refused(this.clock.instant());
			}
			warnOutage(issuer, rootCause(ex));
			throw RejectedTokenException.keysUnavailable(
					"keys unavailable (" + rootCause(ex).getClass().getSimpleName() + ") for issuer " + issuer);
		}
	}

	/**
	 * Logs an identity-provider outage at most once a minute: every token fails while it
	 * lasts, and a log line per token would drown the logs. The exception's message may
	 * name the provider's address, so only its kind is logged.
	 */
	private void warnOutage(String issuer, Throwable cause) {
		long now = System.nanoTime();
		AtomicLong lastWarning = this.lastOutageWarnings.computeIfAbsent(issuer,
				(key) -> new AtomicLong(now - OUTAGE_WARNING_INTERVAL_NANOS));
		long last = lastWarning.get();
		if (now - last >= OUTAGE_WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
			logger.warn("Tokens of the trusted issuer " + issuer + " cannot be verified: its keys are unavailable ("
					+ cause.getClass().getSimpleName() + "); answering 401 to its callers until they are back");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Rejected a token: keys unavailable (" + cause.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * The trusted issuer a token names, for an outage warning; the keys were looked up,
	 * so its {@code iss} already selected a trusted issuer.
	 */
	private String issuerOf(String token) {
		try {
			String issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
			return (issuer != null && this.issuerUris.contains(issuer)) ? issuer : "(unknown)";
		}
		catch (ParseException ex) {
			return "(unknown)";
		}
	}

	private static @Nullable String withoutSpringPrefix(@Nullable String message) {
		return (message != null && message.startsWith(SPRING_PREFIX)) ? message.substring(SPRING_PREFIX.length())
				: message;
	}

	/**
	 * The checks of a token whose signature is verified, remembering a refusal that
	 * cannot change: the issuer's checks (audience, type...), a missing or passed expiry.
	 * Not the other time checks (a token issued a little in the future becomes valid) nor
	 * the application's (they may depend on anything).
	 */
	private OAuth2TokenValidatorResult validate(Jwt jwt, Map<String, OAuth2TokenValidator<Jwt>> checks) {
		OAuth2TokenValidatorResult result = this.timeChecks.validate(jwt);
		if (result.hasErrors()) {
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null || expiresAt.plus(this.clockSkew).isBefore(this.clock.instant())) {
				remember(jwt.getTokenValue(), result);
			}
			return result;
		}
		result = issuerChecks(checks, jwt);
		if (result.hasErrors()) {
			remember(jwt.getTokenValue(), result);
			return result;
		}
		return this.applicationChecks.validate(jwt);
	}

	private void remember(String token, OAuth2TokenValidatorResult result) {
		remember(token, new RejectedTokenException(
				LogSanitizer.sanitize(reasonOf(result.getErrors().iterator().next().getDescription()))));
	}

	private void remember(String token, RejectedTokenException refusal) {
		if (this.refused != null) {
			this.refused.put(token, refusal);
		}
	}

	private static OAuth2TokenValidatorResult issuerChecks(Map<String, OAuth2TokenValidator<Jwt>> checks, Jwt jwt) {
		OAuth2TokenValidator<Jwt> issuer = checks.get(jwt.getClaimAsString("iss"));
		// The key selector already refuses other issuers; fail closed should that change.
		return (issuer != null) ? issuer.validate(jwt)
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "untrusted issuer", null));
	}

	private static RejectedTokenException rejected(@Nullable String reason) {
		return logged(new RejectedTokenException(LogSanitizer.sanitize(reasonOf(reason))));
	}

	private static RejectedTokenException logged(RejectedTokenException refusal) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rejected a token: " + refusal.getReason());
		}
		return refusal;
	}

	private static String reasonOf(@Nullable String reason) {
		return (reason != null) ? reason : "no reason given";
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	/**
	 * Builds an {@link S2sJwtDecoder}.
	 */
	public static final class Builder {

		private final List<TrustedIssuer> issuers = new ArrayList<>();

		private final List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();

		private JwksSettings jwks = JwksSettings.defaults();

		private Duration clockSkew = Duration.ofSeconds(5);

		private Duration maxTokenLifetime = Duration.ofHours(24);

		private long cacheMaximumSize = 4096;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Trust an issuer. At least one is required.
		 * @param issuer the issuer
		 * @return this builder
		 */
		public Builder issuer(TrustedIssuer issuer) {
			Assert.notNull(issuer, "issuer cannot be null");
			Assert.isTrue(this.issuers.stream().noneMatch((i) -> i.issuerUri().equals(issuer.issuerUri())),
					() -> "Issuer " + issuer.issuerUri() + " is configured twice");
			this.issuers.add(issuer);
			return this;
		}

		/**
		 * Set how keys are fetched and kept. The default is
		 * {@link JwksSettings#defaults()}.
		 * @param jwks the settings
		 * @return this builder
		 */
		public Builder jwks(JwksSettings jwks) {
			Assert.notNull(jwks, "jwks cannot be null");
			this.jwks = jwks;
			return this;
		}

		/**
		 * Set the clock skew tolerated in time checks. The default is 5 seconds.
		 * @param clockSkew the skew
		 * @return this builder
		 */
		public Builder clockSkew(Duration clockSkew) {
			Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clockSkew must not be negative");
			this.clockSkew = clockSkew;
			return this;
		}

		/**
		 * Set the longest lifetime a token may have. The default is 24 hours.
		 * @param maxTokenLifetime the lifetime
		 * @return this builder
		 */
		public Builder maxTokenLifetime(Duration maxTokenLifetime) {
			Assert.isTrue(maxTokenLifetime != null && !maxTokenLifetime.isNegative() && !maxTokenLifetime.isZero(),
					"maxTokenLifetime must be positive");
			this.maxTokenLifetime = maxTokenLifetime;
			return this;
		}

		/**
		 * Set how many verified tokens are kept, and as many tokens of 1,000 characters
		 * refused for a reason that cannot change (for a minute; a longer token counts
		 * for more); 0 disables both caches. The default is 4096.
		 * @param cacheMaximumSize the size
		 * @return this builder
		 */
		public Builder cacheMaximumSize(long cacheMaximumSize) {
			Assert.isTrue(cacheMaximumSize >= 0, "cacheMaximumSize must not be negative");
			this.cacheMaximumSize = cacheMaximumSize;
			return this;
		}

		/**
		 * Add a check that every token must pass, after the built-in ones.
		 * @param validator the check
		 * @return this builder
		 */
		public Builder validator(OAuth2TokenValidator<Jwt> validator) {
			Assert.notNull(validator, "validator cannot be null");
			this.validators.add(validator);
			return this;
		}

		/**
		 * Set the clock of the time checks (for tests).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock cannot be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Build the decoder.
		 * @return the decoder
		 */
		public S2sJwtDecoder build() {
			Assert.state(!this.issuers.isEmpty(), "At least one trusted issuer is required");
			return new S2sJwtDecoder(this);
		}

	}

	/**
	 * Verifying a token would have fetched keys, on a thread that must not wait for them.
	 */
	static final class KeysNotAtHand extends RuntimeException {

		private static final long serialVersionUID = 1L;

		KeysNotAtHand(Throwable cause) {
			// Control flow on an event loop, never shown: no stack trace.
			super("Verifying the token would fetch keys", cause, false, false);
		}

	}

}
