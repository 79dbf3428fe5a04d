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
package dev.s2s.security.autoconfigure.inbound;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.autoconfigure.ValidValues;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.inbound.SignatureAlgorithms;
import dev.s2s.security.revocation.RevocationFailMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of inbound token validation.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@ConfigurationProperties("s2s.security.inbound")
public class S2sInboundProperties {

	/**
	 * Identity providers whose tokens this service accepts. A token's 'iss' only selects
	 * among these; no address a token names is ever fetched.
	 */
	private List<Issuer> issuers = new ArrayList<>();

	/**
	 * Clock skew tolerated when checking 'exp', 'nbf' and 'iat'.
	 */
	private Duration clockSkew = Duration.ofSeconds(5);

	/**
	 * Longest lifetime a token may have, from 'iat' (or 'nbf') to 'exp'.
	 */
	private Duration maxTokenLifetime = Duration.ofHours(24);

	private final Jwks jwks = new Jwks();

	private final TokenCache tokenCache = new TokenCache();

	private final Revocation revocation = new Revocation();

	private final Dpop dpop = new Dpop();

	/**
	 * Client certificates as workload identities.
	 */
	@NestedConfigurationProperty
	private final CertificateProperties certificates = new CertificateProperties();

	/**
	 * Identity providers whose tokens this service accepts. A token's 'iss' only selects
	 * among these; no address a token names is ever fetched.
	 * @return the issuers
	 */
	public List<Issuer> getIssuers() {
		return this.issuers;
	}

	/**
	 * Identity providers whose tokens this service accepts. A token's 'iss' only selects
	 * among these; no address a token names is ever fetched.
	 * @param issuers the issuers
	 */
	public void setIssuers(List<Issuer> issuers) {
		this.issuers = issuers;
	}

	/**
	 * Clock skew tolerated when checking 'exp', 'nbf' and 'iat'.
	 * @return the clock skew
	 */
	public Duration getClockSkew() {
		return this.clockSkew;
	}

	/**
	 * Clock skew tolerated when checking 'exp', 'nbf' and 'iat'.
	 * @param clockSkew the clock skew
	 */
	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	/**
	 * Longest lifetime a token may have, from 'iat' (or 'nbf') to 'exp'.
	 * @return the max token lifetime
	 */
	public Duration getMaxTokenLifetime() {
		return this.maxTokenLifetime;
	}

	/**
	 * Longest lifetime a token may have, from 'iat' (or 'nbf') to 'exp'.
	 * @param maxTokenLifetime the max token lifetime
	 */
	public void setMaxTokenLifetime(Duration maxTokenLifetime) {
		this.maxTokenLifetime = maxTokenLifetime;
	}

	/**
	 * Jwks.
	 * @return the jwks
	 */
	public Jwks getJwks() {
		return this.jwks;
	}

	/**
	 * Token cache.
	 * @return the token cache
	 */
	public TokenCache getTokenCache() {
		return this.tokenCache;
	}

	/**
	 * Revocation.
	 * @return the revocation settings
	 */
	public Revocation getRevocation() {
		return this.revocation;
	}

	/**
	 * DPoP.
	 * @return the DPoP settings
	 */
	public Dpop getDpop() {
		return this.dpop;
	}

	/**
	 * Client certificates as workload identities.
	 * @return the certificate settings
	 */
	public CertificateProperties getCertificates() {
		return this.certificates;
	}

	/**
	 * Fail, naming the key, on a value that cannot work.
	 */
	public void validate() {
		String prefix = "s2s.security.inbound.";
		this.certificates.validate();
		ValidValues.notNegative(prefix + "clock-skew", this.clockSkew);
		ValidValues.positive(prefix + "max-token-lifetime", this.maxTokenLifetime);
		ValidValues.positive(prefix + "jwks.cache-time-to-live", this.jwks.cacheTimeToLive);
		ValidValues.positive(prefix + "jwks.min-refresh-interval", this.jwks.minRefreshInterval);
		if (this.jwks.cacheTimeToLive.compareTo(this.jwks.minRefreshInterval) <= 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + "jwks.cache-time-to-live",
					this.jwks.cacheTimeToLive, "Keys must live longer than 'jwks.min-refresh-interval' ("
							+ this.jwks.minRefreshInterval + ") or they could never be refreshed ahead.");
		}
		ValidValues.notNegative(prefix + "jwks.outage-tolerance", this.jwks.outageTolerance);
		ValidValues.positive(prefix + "jwks.connect-timeout", this.jwks.connectTimeout);
		ValidValues.positive(prefix + "jwks.read-timeout", this.jwks.readTimeout);
		ValidValues.bytes(prefix + "jwks.max-response-size", this.jwks.maxResponseSize);
		if (this.tokenCache.maximumSize < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + "token-cache.maximum-size",
					this.tokenCache.maximumSize, "Use 0 to disable the cache, or a positive size.");
		}
		ValidValues.positive(prefix + "revocation.timeout", this.revocation.timeout);
		ValidValues.positive(prefix + "revocation.retry-after", this.revocation.retryAfter);
		if (this.revocation.maximumSize <= 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + "revocation.maximum-size",
					this.revocation.maximumSize, "The memory store needs a positive size, such as 100000.");
		}
		this.dpop.validate(prefix + "dpop.");
		for (int i = 0; i < this.issuers.size(); i++) {
			List<String> audiences = this.issuers.get(i).audiences;
			for (int j = 0; j < audiences.size(); j++) {
				ValidValues.text(prefix + "issuers[" + i + "].audiences[" + j + "]", audiences.get(j),
						"inventory-service");
			}
		}
	}

	/**
	 * A trusted identity provider.
	 */
	public static class Issuer {

		/**
		 * Exact 'iss' value of the provider's tokens. Its discovery document is read from
		 * there on first use unless 'jwk-set-uri' is set.
		 */
		private @Nullable String issuerUri;

		/**
		 * JWK Set URI of the provider, to skip discovery.
		 */
		private @Nullable URI jwkSetUri;

		/**
		 * Audiences accepted in the 'aud' claim; at least one must be present. Defaults
		 * to the service id.
		 */
		private List<String> audiences = new ArrayList<>();

		/**
		 * Preset for how this provider's tokens tell services from users.
		 */
		private IdentityProvider provider = IdentityProvider.GENERIC;

		/**
		 * Signature algorithms accepted. Only asymmetric ones; 'none' and HS* are
		 * refused.
		 */
		private List<String> algorithms = new ArrayList<>(List.of("RS256", "PS256", "ES256", "EdDSA"));

		/**
		 * Whether tokens must carry the RFC 9068 header 'typ: at+jwt', for providers set
		 * to issue it (Keycloak with the client option, Auth0's RFC 9068 profile).
		 */
		private boolean requireAtJwtType;

		/**
		 * Claim holding the calling service's id, instead of the preset's.
		 */
		private @Nullable String serviceIdClaim;

		/**
		 * Claim holding the user's id, instead of the preset's.
		 */
		private @Nullable String userIdClaim;

		/**
		 * Claims holding scopes (space-separated strings or arrays), instead of the
		 * preset's.
		 */
		private @Nullable List<String> scopeClaims;

		/**
		 * Claims holding roles, instead of the preset's. Dotted names are paths into
		 * nested objects; '{service-id}' stands for this service's id.
		 */
		private @Nullable List<String> roleClaims;

		/**
		 * Client ids whose user tokens mean the client acts for the user, for providers
		 * whose token exchange adds no 'act' claim (Keycloak, Okta, Entra ID).
		 */
		private List<String> delegatingClients = new ArrayList<>();

		/**
		 * Exact 'iss' value of the provider's tokens. Its discovery document is read from
		 * there on first use unless 'jwk-set-uri' is set.
		 * @return the issuer uri
		 */
		public @Nullable String getIssuerUri() {
			return this.issuerUri;
		}

		/**
		 * Exact 'iss' value of the provider's tokens. Its discovery document is read from
		 * there on first use unless 'jwk-set-uri' is set.
		 * @param issuerUri the issuer uri
		 */
		public void setIssuerUri(@Nullable String issuerUri) {
			this.issuerUri = issuerUri;
		}

		/**
		 * JWK Set URI of the provider, to skip discovery.
		 * @return the jwk set uri
		 */
		public @Nullable URI getJwkSetUri() {
			return this.jwkSetUri;
		}

		/**
		 * JWK Set URI of the provider, to skip discovery.
		 * @param jwkSetUri the jwk set uri
		 */
		public void setJwkSetUri(@Nullable URI jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		/**
		 * Audiences accepted in the 'aud' claim; at least one must be present. Defaults
		 * to the service id.
		 * @return the audiences
		 */
		public List<String> getAudiences() {
			return this.audiences;
		}

		/**
		 * Audiences accepted in the 'aud' claim; at least one must be present. Defaults
		 * to the service id.
		 * @param audiences the audiences
		 */
		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		/**
		 * Preset for how this provider's tokens tell services from users.
		 * @return the provider
		 */
		public IdentityProvider getProvider() {
			return this.provider;
		}

		/**
		 * Preset for how this provider's tokens tell services from users.
		 * @param provider the provider
		 */
		public void setProvider(IdentityProvider provider) {
			this.provider = provider;
		}

		/**
		 * Signature algorithms accepted. Only asymmetric ones; 'none' and HS* are
		 * refused.
		 * @return the algorithms
		 */
		public List<String> getAlgorithms() {
			return this.algorithms;
		}

		/**
		 * Signature algorithms accepted. Only asymmetric ones; 'none' and HS* are
		 * refused.
		 * @param algorithms the algorithms
		 */
		public void setAlgorithms(List<String> algorithms) {
			this.algorithms = algorithms;
		}

		/**
		 * Whether tokens must carry the RFC 9068 header 'typ: at+jwt', for providers set
		 * to issue it (Keycloak with the client option, Auth0's RFC 9068 profile).
		 * @return the require at jwt type
		 */
		public boolean isRequireAtJwtType() {
			return this.requireAtJwtType;
		}

		/**
		 * Whether tokens must carry the RFC 9068 header 'typ: at+jwt', for providers set
		 * to issue it (Keycloak with the client option, Auth0's RFC 9068 profile).
		 * @param requireAtJwtType the require at jwt type
		 */
		public void setRequireAtJwtType(boolean requireAtJwtType) {
			this.requireAtJwtType = requireAtJwtType;
		}

		/**
		 * Claim holding the calling service's id, instead of the preset's.
		 * @return the service id claim
		 */
		public @Nullable String getServiceIdClaim() {
			return this.serviceIdClaim;
		}

		/**
		 * Claim holding the calling service's id, instead of the preset's.
		 * @param serviceIdClaim the service id claim
		 */
		public void setServiceIdClaim(@Nullable String serviceIdClaim) {
			this.serviceIdClaim = serviceIdClaim;
		}

		/**
		 * Claim holding the user's id, instead of the preset's.
		 * @return the user id claim
		 */
		public @Nullable String getUserIdClaim() {
			return this.userIdClaim;
		}

		/**
		 * Claim holding the user's id, instead of the preset's.
		 * @param userIdClaim the user id claim
		 */
		public void setUserIdClaim(@Nullable String userIdClaim) {
			this.userIdClaim = userIdClaim;
		}

		/**
		 * Claims holding scopes (space-separated strings or arrays), instead of the
		 * preset's.
		 * @return the scope claims
		 */
		public @Nullable List<String> getScopeClaims() {
			return this.scopeClaims;
		}

		/**
		 * Claims holding scopes (space-separated strings or arrays), instead of the
		 * preset's.
		 * @param scopeClaims the scope claims
		 */
		public void setScopeClaims(@Nullable List<String> scopeClaims) {
			this.scopeClaims = scopeClaims;
		}

		/**
		 * Claims holding roles, instead of the preset's. Dotted names are paths into
		 * nested objects; '{service-id}' stands for this service's id.
		 * @return the role claims
		 */
		public @Nullable List<String> getRoleClaims() {
			return this.roleClaims;
		}

		/**
		 * Claims holding roles, instead of the preset's. Dotted names are paths into
		 * nested objects; '{service-id}' stands for this service's id.
		 * @param roleClaims the role claims
		 */
		public void setRoleClaims(@Nullable List<String> roleClaims) {
			this.roleClaims = roleClaims;
		}

		/**
		 * Client ids whose user tokens mean the client acts for the user, for providers
		 * whose token exchange adds no 'act' claim (Keycloak, Okta, Entra ID).
		 * @return the delegating clients
		 */
		public List<String> getDelegatingClients() {
			return this.delegatingClients;
		}

		/**
		 * Client ids whose user tokens mean the client acts for the user, for providers
		 * whose token exchange adds no 'act' claim (Keycloak, Okta, Entra ID).
		 * @param delegatingClients the delegating clients
		 */
		public void setDelegatingClients(List<String> delegatingClients) {
			this.delegatingClients = delegatingClients;
		}

	}

	/**
	 * How signing keys are fetched and kept.
	 */
	public static class Jwks {

		/**
		 * How long fetched keys are used before being fetched again. They are refreshed
		 * ahead of that while tokens arrive.
		 */
		private Duration cacheTimeToLive = Duration.ofMinutes(5);

		/**
		 * Once a fetch did not bring a token's key id, how long no token makes the keys
		 * be fetched again: a flood of made-up key ids costs one fetch per interval. A
		 * key id first seen after a quiet time is looked up at once.
		 */
		private Duration minRefreshInterval = Duration.ofSeconds(30);

		/**
		 * How long the last known keys stay in use while the provider is unreachable.
		 */
		private Duration outageTolerance = Duration.ofHours(1);

		/**
		 * Connect timeout of discovery and key fetches.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Read timeout of discovery and key fetches.
		 */
		private Duration readTimeout = Duration.ofSeconds(2);

		/**
		 * Largest accepted discovery or JWK Set document.
		 */
		private DataSize maxResponseSize = DataSize.ofKilobytes(64);

		/**
		 * How long fetched keys are used before being fetched again. They are refreshed
		 * ahead of that while tokens arrive.
		 * @return the cache time to live
		 */
		public Duration getCacheTimeToLive() {
			return this.cacheTimeToLive;
		}

		/**
		 * How long fetched keys are used before being fetched again. They are refreshed
		 * ahead of that while tokens arrive.
		 * @param cacheTimeToLive the cache time to live
		 */
		public void setCacheTimeToLive(Duration cacheTimeToLive) {
			this.cacheTimeToLive = cacheTimeToLive;
		}

		/**
		 * Once a fetch did not bring a token's key id, how long no token makes the keys
		 * be fetched again: a flood of made-up key ids costs one fetch per interval. A
		 * key id first seen after a quiet time is looked up at once.
		 * @return the min refresh interval
		 */
		public Duration getMinRefreshInterval() {
			return this.minRefreshInterval;
		}

		/**
		 * Once a fetch did not bring a token's key id, how long no token makes the keys
		 * be fetched again: a flood of made-up key ids costs one fetch per interval. A
		 * key id first seen after a quiet time is looked up at once.
		 * @param minRefreshInterval the min refresh interval
		 */
		public void setMinRefreshInterval(Duration minRefreshInterval) {
			this.minRefreshInterval = minRefreshInterval;
		}

		/**
		 * How long the last known keys stay in use while the provider is unreachable.
		 * @return the outage tolerance
		 */
		public Duration getOutageTolerance() {
			return this.outageTolerance;
		}

		/**
		 * How long the last known keys stay in use while the provider is unreachable.
		 * @param outageTolerance the outage tolerance
		 */
		public void setOutageTolerance(Duration outageTolerance) {
			this.outageTolerance = outageTolerance;
		}

		/**
		 * Connect timeout of discovery and key fetches.
		 * @return the connect timeout
		 */
		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		/**
		 * Connect timeout of discovery and key fetches.
		 * @param connectTimeout the connect timeout
		 */
		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		/**
		 * Read timeout of discovery and key fetches.
		 * @return the read timeout
		 */
		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		/**
		 * Read timeout of discovery and key fetches.
		 * @param readTimeout the read timeout
		 */
		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		/**
		 * Largest accepted discovery or JWK Set document.
		 * @return the max response size
		 */
		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		/**
		 * Largest accepted discovery or JWK Set document.
		 * @param maxResponseSize the max response size
		 */
		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

	}

	/**
	 * The cache of tokens already verified.
	 */
	public static class TokenCache {

		/**
		 * Most verified tokens kept. A cached token skips the signature check; its time
		 * checks still run on every use. As many tokens (of 1,000 characters; a longer
		 * one counts for more) refused for a reason that cannot change (a bad signature,
		 * another audience, an expiry passed) are kept for a minute, and refused again
		 * without a signature check. 0 disables both.
		 */
		private long maximumSize = 4096;

		/**
		 * Most verified tokens kept. A cached token skips the signature check; its time
		 * checks still run on every use. As many tokens (of 1,000 characters; a longer
		 * one counts for more) refused for a reason that cannot change (a bad signature,
		 * another audience, an expiry passed) are kept for a minute, and refused again
		 * without a signature check. 0 disables both.
		 * @return the maximum size
		 */
		public long getMaximumSize() {
			return this.maximumSize;
		}

		/**
		 * Most verified tokens kept. A cached token skips the signature check; its time
		 * checks still run on every use. As many tokens (of 1,000 characters; a longer
		 * one counts for more) refused for a reason that cannot change (a bad signature,
		 * another audience, an expiry passed) are kept for a minute, and refused again
		 * without a signature check. 0 disables both.
		 * @param maximumSize the maximum size
		 */
		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

	}

	/**
	 * Revocation of tokens before they expire.
	 */
	public static class Revocation {

		/**
		 * Where revoked tokens are kept: 'none' (no revocation check), 'memory' (this
		 * instance only) or 'redis' (every instance sharing the Redis of
		 * spring.data.redis.*).
		 */
		private Store store = Store.NONE;

		/**
		 * What a request gets when the store cannot answer in time: 'closed' answers 503
		 * with Retry-After, 'open' accepts the token and counts and logs the failure.
		 */
		private RevocationFailMode failMode = RevocationFailMode.CLOSED;

		/**
		 * Longest a store lookup or write may take before it counts as failed.
		 */
		private Duration timeout = Duration.ofMillis(250);

		/**
		 * Retry-After sent with a 503 while the store is unavailable in fail-mode closed.
		 */
		private Duration retryAfter = Duration.ofSeconds(5);

		/**
		 * Most revocations the 'memory' store keeps.
		 */
		private long maximumSize = 100_000;

		/**
		 * Where revoked tokens are kept: 'none' (no revocation check), 'memory' (this
		 * instance only) or 'redis' (every instance sharing the Redis of
		 * spring.data.redis.*).
		 * @return the store
		 */
		public Store getStore() {
			return this.store;
		}

		/**
		 * Where revoked tokens are kept: 'none' (no revocation check), 'memory' (this
		 * instance only) or 'redis' (every instance sharing the Redis of
		 * spring.data.redis.*).
		 * @param store the store
		 */
		public void setStore(Store store) {
			this.store = store;
		}

		/**
		 * What a request gets when the store cannot answer in time: 'closed' answers 503
		 * with Retry-After, 'open' accepts the token and counts and logs the failure.
		 * @return the failMode
		 */
		public RevocationFailMode getFailMode() {
			return this.failMode;
		}

		/**
		 * What a request gets when the store cannot answer in time: 'closed' answers 503
		 * with Retry-After, 'open' accepts the token and counts and logs the failure.
		 * @param failMode the failMode
		 */
		public void setFailMode(RevocationFailMode failMode) {
			this.failMode = failMode;
		}

		/**
		 * Longest a store lookup or write may take before it counts as failed.
		 * @return the timeout
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Longest a store lookup or write may take before it counts as failed.
		 * @param timeout the timeout
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Retry-After sent with a 503 while the store is unavailable in fail-mode closed.
		 * @return the retryAfter
		 */
		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		/**
		 * Retry-After sent with a 503 while the store is unavailable in fail-mode closed.
		 * @param retryAfter the retryAfter
		 */
		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		/**
		 * Most revocations the 'memory' store keeps.
		 * @return the maximumSize
		 */
		public long getMaximumSize() {
			return this.maximumSize;
		}

		/**
		 * Most revocations the 'memory' store keeps.
		 * @param maximumSize the maximumSize
		 */
		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

		/**
		 * Where revoked tokens are kept.
		 */
		public enum Store {

			/** No revocation check. */
			NONE,

			/** In this instance's memory. */
			MEMORY,

			/** In Redis, shared by every instance. */
			REDIS

		}

	}

	/**
	 * DPoP (RFC 9449): access tokens bound to a key the caller proves it holds on every
	 * request.
	 */
	public static class Dpop {

		private static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "PS256", "ES256", "EdDSA");

		private static final Duration DEFAULT_PROOF_WINDOW = Duration.ofSeconds(30);

		/**
		 * Whether DPoP is accepted: 'off' (the DPoP scheme is not recognized), 'accepted'
		 * (bearer tokens and DPoP-bound tokens with their proof) or 'required'
		 * (DPoP-bound tokens with their proof only). A DPoP-bound token sent as a bearer
		 * token is refused unless 'off'.
		 */
		private Mode mode = Mode.OFF;

		/**
		 * Signature algorithms accepted for proofs; asymmetric ones only.
		 */
		private List<String> algorithms = new ArrayList<>(DEFAULT_ALGORITHMS);

		/**
		 * How far a proof's 'iat' may be from now, in either direction.
		 */
		private Duration proofWindow = DEFAULT_PROOF_WINDOW;

		private final Replay replay = new Replay();

		/**
		 * Whether DPoP is accepted: 'off' (the DPoP scheme is not recognized), 'accepted'
		 * (bearer tokens and DPoP-bound tokens with their proof) or 'required'
		 * (DPoP-bound tokens with their proof only). A DPoP-bound token sent as a bearer
		 * token is refused unless 'off'.
		 * @return the mode
		 */
		public Mode getMode() {
			return this.mode;
		}

		/**
		 * Whether DPoP is accepted: 'off' (the DPoP scheme is not recognized), 'accepted'
		 * (bearer tokens and DPoP-bound tokens with their proof) or 'required'
		 * (DPoP-bound tokens with their proof only). A DPoP-bound token sent as a bearer
		 * token is refused unless 'off'.
		 * @param mode the mode
		 */
		public void setMode(Mode mode) {
			this.mode = mode;
		}

		/**
		 * Signature algorithms accepted for proofs; asymmetric ones only.
		 * @return the algorithms
		 */
		public List<String> getAlgorithms() {
			return this.algorithms;
		}

		/**
		 * Signature algorithms accepted for proofs; asymmetric ones only.
		 * @param algorithms the algorithms
		 */
		public void setAlgorithms(List<String> algorithms) {
			this.algorithms = algorithms;
		}

		/**
		 * How far a proof's 'iat' may be from now, in either direction.
		 * @return the proof window
		 */
		public Duration getProofWindow() {
			return this.proofWindow;
		}

		/**
		 * How far a proof's 'iat' may be from now, in either direction.
		 * @param proofWindow the proof window
		 */
		public void setProofWindow(Duration proofWindow) {
			this.proofWindow = proofWindow;
		}

		/**
		 * Where used proofs are remembered.
		 * @return the replay settings
		 */
		public Replay getReplay() {
			return this.replay;
		}

		void validate(String prefix) {
			if (this.mode == Mode.OFF) {
				String ignored = (this.replay.store != Replay.Store.MEMORY) ? "replay.store"
						: !this.algorithms.equals(DEFAULT_ALGORITHMS) ? "algorithms"
								: !this.proofWindow.equals(DEFAULT_PROOF_WINDOW) ? "proof-window" : null;
				if (ignored != null) {
					throw new InvalidConfigurationPropertyValueException(prefix + ignored,
							"(set while " + prefix + "mode is off)",
							"DPoP is off, so this setting would do nothing: write '" + prefix
									+ "mode: accepted' (or required) to accept DPoP-bound tokens, or remove it.");
				}
				return;
			}
			try {
				SignatureAlgorithms.parse(this.algorithms);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + "algorithms", this.algorithms,
						ex.getMessage());
			}
			ValidValues.positive(prefix + "proof-window", this.proofWindow);
			if (this.proofWindow.compareTo(Duration.ofMinutes(5)) > 0) {
				throw new InvalidConfigurationPropertyValueException(prefix + "proof-window", this.proofWindow,
						"A proof is a one-time credential: allow at most 5m (the default, 30s, covers clock skew).");
			}
			ValidValues.positive(prefix + "replay.timeout", this.replay.timeout);
			ValidValues.positive(prefix + "replay.retry-after", this.replay.retryAfter);
			if (this.replay.maximumSize <= 0) {
				throw new InvalidConfigurationPropertyValueException(prefix + "replay.maximum-size",
						this.replay.maximumSize, "The memory cache needs a positive size, such as 200000.");
			}
		}

		/**
		 * Whether DPoP is accepted.
		 */
		public enum Mode {

			/** The DPoP scheme is not recognized. */
			OFF,

			/** Bearer tokens, and DPoP-bound tokens with their proof. */
			ACCEPTED,

			/** DPoP-bound tokens with their proof only. */
			REQUIRED

		}

	}

	/**
	 * Where used DPoP proofs are remembered, so that none is accepted twice.
	 */
	public static class Replay {

		/**
		 * Where used proofs are kept: 'memory' (this instance only) or 'redis' (every
		 * instance sharing the Redis of spring.data.redis.*).
		 */
		private Store store = Store.MEMORY;

		/**
		 * Longest a Redis write may take before it counts as failed (the proof is then
		 * answered 503).
		 */
		private Duration timeout = Duration.ofMillis(250);

		/**
		 * Retry-After sent with a 503 while used proofs cannot be remembered.
		 */
		private Duration retryAfter = Duration.ofSeconds(5);

		/**
		 * Most proofs the 'memory' store keeps, over all clients; each is kept for its
		 * 'iat' plus twice the proof window.
		 */
		private long maximumSize = 200_000;

		/**
		 * Where used proofs are kept: 'memory' (this instance only) or 'redis' (every
		 * instance sharing the Redis of spring.data.redis.*).
		 * @return the store
		 */
		public Store getStore() {
			return this.store;
		}

		/**
		 * Where used proofs are kept: 'memory' (this instance only) or 'redis' (every
		 * instance sharing the Redis of spring.data.redis.*).
		 * @param store the store
		 */
		public void setStore(Store store) {
			this.store = store;
		}

		/**
		 * Longest a Redis write may take before it counts as failed (the proof is then
		 * answered 503).
		 * @return the timeout
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Longest a Redis write may take before it counts as failed (the proof is then
		 * answered 503).
		 * @param timeout the timeout
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Retry-After sent with a 503 while used proofs cannot be remembered.
		 * @return the retryAfter
		 */
		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		/**
		 * Retry-After sent with a 503 while used proofs cannot be remembered.
		 * @param retryAfter the retryAfter
		 */
		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		/**
		 * Most proofs the 'memory' store keeps, over all clients; each is kept for its
		 * 'iat' plus twice the proof window.
		 * @return the maximumSize
		 */
		public long getMaximumSize() {
			return this.maximumSize;
		}

		/**
		 * Most proofs the 'memory' store keeps, over all clients; each is kept for its
		 * 'iat' plus twice the proof window.
		 * @param maximumSize the maximumSize
		 */
		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

		/**
		 * Where used proofs are kept.
		 */
		public enum Store {

			/** In this instance's memory. */
			MEMORY,

			/** In Redis, shared by every instance. */
			REDIS

		}

	}

}
