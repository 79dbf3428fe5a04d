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

package dev.s2s.security.autoconfigure.outbound;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.s2s.security.autoconfigure.ValidValues;
import dev.s2s.security.outbound.AudienceParameter;
import dev.s2s.security.outbound.OutboundTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of outbound service tokens.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@ConfigurationProperties("s2s.security.outbound")
public class S2sOutboundProperties {

	/**
	 * Token endpoint of the identity provider.
	 */
	private @Nullable URI tokenUri;

	/**
	 * Issuer whose discovery document names the token endpoint, read at the first token
	 * request. Written exactly as the provider's 'issuer', like
	 * 's2s.security.inbound.issuers[].issuer-uri'.
	 */
	private @Nullable String issuerUri;

	/**
	 * Client id this service authenticates with. Defaults to the service id.
	 */
	private @Nullable String clientId;

	/**
	 * How this service authenticates to the token endpoint. Defaults to private_key_jwt
	 * when a private key file is set, else client_secret_basic.
	 */
	private @Nullable ClientAuthenticationMethod clientAuthenticationMethod;

	/**
	 * SSL bundle of the connection to the token endpoint: its trust store, and the client
	 * certificate of tls_client_auth and self_signed_tls_client_auth.
	 */
	private @Nullable String sslBundle;

	/**
	 * Client secret.
	 */
	private @Nullable String clientSecret;

	/**
	 * File holding the client secret, such as a mounted Kubernetes secret; re-read when
	 * it changes.
	 */
	private @Nullable Path clientSecretFile;

	/**
	 * PEM (PKCS#8) or JWK file holding the private key for private_key_jwt.
	 */
	private @Nullable Path privateKeyFile;

	/**
	 * Key id sent as 'kid' in private_key_jwt assertions.
	 */
	private @Nullable String privateKeyId;

	/**
	 * How a target's audience is sent: 'resource' (RFC 8707), 'audience', or both.
	 */
	private AudienceParameter audienceParameter = AudienceParameter.BOTH;

	/**
	 * Connect timeout of token requests.
	 */
	private Duration connectTimeout = Duration.ofSeconds(2);

	/**
	 * Read timeout of token requests.
	 */
	private Duration readTimeout = Duration.ofSeconds(5);

	/**
	 * Longest a token request, and a caller waiting for a token, may take in total.
	 */
	private Duration deadline = Duration.ofSeconds(10);

	/**
	 * Largest token response accepted.
	 */
	private DataSize maxResponseSize = DataSize.ofKilobytes(64);

	/**
	 * Lifetime of a token whose response has no 'expires_in' and that is not a JWT with
	 * 'exp'.
	 */
	private Duration defaultTokenLifetime = Duration.ofMinutes(5);

	/**
	 * Longest a token is used, whatever its 'expires_in' or 'exp' says.
	 */
	private Duration maxTokenLifetime = Duration.ofHours(24);

	/**
	 * Whether a token endpoint or issuer on plain http:// to a host other than loopback
	 * (localhost or a loopback IP literal) is accepted; client credentials and tokens
	 * then travel in clear text.
	 */
	private boolean allowPlainHttp;

	/**
	 * Fraction of a token's lifetime after which it is renewed in the background.
	 */
	private double renewAt = 0.75;

	/**
	 * First back-off after a failed token request; doubled per failure, with jitter.
	 */
	private Duration initialBackoff = Duration.ofSeconds(1);

	/**
	 * Longest back-off between failed token requests.
	 */
	private Duration maxBackoff = Duration.ofSeconds(30);

	/**
	 * Services this service calls, by name.
	 */
	private final Map<String, Target> targets = new LinkedHashMap<>();

	/**
	 * Token endpoint of the identity provider.
	 * @return the token uri
	 */
	public @Nullable URI getTokenUri() {
		return this.tokenUri;
	}

	/**
	 * Token endpoint of the identity provider.
	 * @param tokenUri the token uri
	 */
	public void setTokenUri(@Nullable URI tokenUri) {
		this.tokenUri = tokenUri;
	}

	/**
	 * Issuer whose discovery document names the token endpoint, read at the first token
	 * request. Written exactly as the provider's 'issuer', like
	 * 's2s.security.inbound.issuers[].issuer-uri'.
	 * @return the issuer uri
	 */
	public @Nullable String getIssuerUri() {
		return this.issuerUri;
	}

	/**
	 * Issuer whose discovery document names the token endpoint, read at the first token
	 * request. Written exactly as the provider's 'issuer', like
	 * 's2s.security.inbound.issuers[].issuer-uri'.
	 * @param issuerUri the issuer uri
	 */
	public void setIssuerUri(@Nullable String issuerUri) {
		this.issuerUri = issuerUri;
	}

	/**
	 * Client id this service authenticates with. Defaults to the service id.
	 * @return the client id
	 */
	public @Nullable String getClientId() {
		return this.clientId;
	}

	/**
	 * Client id this service authenticates with. Defaults to the service id.
	 * @param clientId the client id
	 */
	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	/**
	 * How this service authenticates to the token endpoint. Defaults to private_key_jwt
	 * when a private key file is set, else client_secret_basic.
	 * @return the client authentication method
	 */
	public @Nullable ClientAuthenticationMethod getClientAuthenticationMethod() {
		return this.clientAuthenticationMethod;
	}

	/**
	 * How this service authenticates to the token endpoint. Defaults to private_key_jwt
	 * when a private key file is set, else client_secret_basic.
	 * @param clientAuthenticationMethod the client authentication method
	 */
	public void setClientAuthenticationMethod(@Nullable ClientAuthenticationMethod clientAuthenticationMethod) {
		this.clientAuthenticationMethod = clientAuthenticationMethod;
	}

	/**
	 * SSL bundle of the connection to the token endpoint: its trust store, and the client
	 * certificate of tls_client_auth and self_signed_tls_client_auth.
	 * @return the ssl bundle
	 */
	public @Nullable String getSslBundle() {
		return this.sslBundle;
	}

	/**
	 * SSL bundle of the connection to the token endpoint: its trust store, and the client
	 * certificate of tls_client_auth and self_signed_tls_client_auth.
	 * @param sslBundle the ssl bundle
	 */
	public void setSslBundle(@Nullable String sslBundle) {
		this.sslBundle = sslBundle;
	}

	/**
	 * Client secret.
	 * @return the client secret
	 */
	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	/**
	 * Client secret.
	 * @param clientSecret the client secret
	 */
	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	/**
	 * File holding the client secret, such as a mounted Kubernetes secret; re-read when
	 * it changes.
	 * @return the client secret file
	 */
	public @Nullable Path getClientSecretFile() {
		return this.clientSecretFile;
	}

	/**
	 * File holding the client secret, such as a mounted Kubernetes secret; re-read when
	 * it changes.
	 * @param clientSecretFile the client secret file
	 */
	public void setClientSecretFile(@Nullable Path clientSecretFile) {
		this.clientSecretFile = clientSecretFile;
	}

	/**
	 * PEM (PKCS#8) or JWK file holding the private key for private_key_jwt.
	 * @return the private key file
	 */
	public @Nullable Path getPrivateKeyFile() {
		return this.privateKeyFile;
	}

	/**
	 * PEM (PKCS#8) or JWK file holding the private key for private_key_jwt.
	 * @param privateKeyFile the private key file
	 */
	public void setPrivateKeyFile(@Nullable Path privateKeyFile) {
		this.privateKeyFile = privateKeyFile;
	}

	/**
	 * Key id sent as 'kid' in private_key_jwt assertions.
	 * @return the private key id
	 */
	public @Nullable String getPrivateKeyId() {
		return this.privateKeyId;
	}

	/**
	 * Key id sent as 'kid' in private_key_jwt assertions.
	 * @param privateKeyId the private key id
	 */
	public void setPrivateKeyId(@Nullable String privateKeyId) {
		this.privateKeyId = privateKeyId;
	}

	/**
	 * How this target's audience is sent, instead of 'audience-parameter'.
	 * @return the audience parameter
	 */
	public AudienceParameter getAudienceParameter() {
		return this.audienceParameter;
	}

	/**
	 * How this target's audience is sent, instead of 'audience-parameter'.
	 * @param audienceParameter the audience parameter
	 */
	public void setAudienceParameter(AudienceParameter audienceParameter) {
		this.audienceParameter = audienceParameter;
	}

	/**
	 * Connect timeout of token requests.
	 * @return the connect timeout
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Connect timeout of token requests.
	 * @param connectTimeout the connect timeout
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Read timeout of token requests.
	 * @return the read timeout
	 */
	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	/**
	 * Read timeout of token requests.
	 * @param readTimeout the read timeout
	 */
	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	/**
	 * Longest a token request, and a caller waiting for a token, may take in total.
	 * @return the deadline
	 */
	public Duration getDeadline() {
		return this.deadline;
	}

	/**
	 * Longest a token request, and a caller waiting for a token, may take in total.
	 * @param deadline the deadline
	 */
	public void setDeadline(Duration deadline) {
		this.deadline = deadline;
	}

	/**
	 * Largest token response accepted.
	 * @return the max response size
	 */
	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * Largest token response accepted.
	 * @param maxResponseSize the max response size
	 */
	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * Lifetime of a token whose response has no 'expires_in' and that is not a JWT with
	 * 'exp'.
	 * @return the default token lifetime
	 */
	public Duration getDefaultTokenLifetime() {
		return this.defaultTokenLifetime;
	}

	/**
	 * Lifetime of a token whose response has no 'expires_in' and that is not a JWT with
	 * 'exp'.
	 * @param defaultTokenLifetime the default token lifetime
	 */
	public void setDefaultTokenLifetime(Duration defaultTokenLifetime) {
		this.defaultTokenLifetime = defaultTokenLifetime;
	}

	/**
	 * Longest a token is used, whatever its 'expires_in' or 'exp' says.
	 * @return the max token lifetime
	 */
	public Duration getMaxTokenLifetime() {
		return this.maxTokenLifetime;
	}

	/**
	 * Longest a token is used, whatever its 'expires_in' or 'exp' says.
	 * @param maxTokenLifetime the max token lifetime
	 */
	public void setMaxTokenLifetime(Duration maxTokenLifetime) {
		this.maxTokenLifetime = maxTokenLifetime;
	}

	/**
	 * Whether a token endpoint or issuer on plain http:// to a host other than loopback
	 * (localhost or a loopback IP literal) is accepted; client credentials and tokens
	 * then travel in clear text.
	 * @return the allow plain http
	 */
	public boolean isAllowPlainHttp() {
		return this.allowPlainHttp;
	}

	/**
	 * Whether a token endpoint or issuer on plain http:// to a host other than loopback
	 * (localhost or a loopback IP literal) is accepted; client credentials and tokens
	 * then travel in clear text.
	 * @param allowPlainHttp the allow plain http
	 */
	public void setAllowPlainHttp(boolean allowPlainHttp) {
		this.allowPlainHttp = allowPlainHttp;
	}

	/**
	 * Fraction of a token's lifetime after which it is renewed in the background.
	 * @return the renew at
	 */
	public double getRenewAt() {
		return this.renewAt;
	}

	/**
	 * Fraction of a token's lifetime after which it is renewed in the background.
	 * @param renewAt the renew at
	 */
	public void setRenewAt(double renewAt) {
		this.renewAt = renewAt;
	}

	/**
	 * First back-off after a failed token request; doubled per failure, with jitter.
	 * @return the initial backoff
	 */
	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	/**
	 * First back-off after a failed token request; doubled per failure, with jitter.
	 * @param initialBackoff the initial backoff
	 */
	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	/**
	 * Longest back-off between failed token requests.
	 * @return the max backoff
	 */
	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	/**
	 * Longest back-off between failed token requests.
	 * @param maxBackoff the max backoff
	 */
	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	/**
	 * Services this service calls, by name.
	 * @return the targets
	 */
	public Map<String, Target> getTargets() {
		return this.targets;
	}

	/**
	 * Fail, naming the key, on a value that cannot work.
	 */
	public void validate() {
		String prefix = "s2s.security.outbound.";
		ValidValues.positive(prefix + "connect-timeout", this.connectTimeout);
		ValidValues.positive(prefix + "read-timeout", this.readTimeout);
		ValidValues.positive(prefix + "deadline", this.deadline);
		ValidValues.bytes(prefix + "max-response-size", this.maxResponseSize);
		ValidValues.positive(prefix + "default-token-lifetime", this.defaultTokenLifetime);
		ValidValues.positive(prefix + "max-token-lifetime", this.maxTokenLifetime);
		if (!(this.renewAt > 0 && this.renewAt < 1)) {
			throw new InvalidConfigurationPropertyValueException(prefix + "renew-at", this.renewAt,
					"Use a fraction of the token's lifetime between 0 and 1, e.g. 0.75.");
		}
		ValidValues.positive(prefix + "initial-backoff", this.initialBackoff);
		ValidValues.positive(prefix + "max-backoff", this.maxBackoff);
		if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + "max-backoff", this.maxBackoff,
					"Use at least 'initial-backoff' (" + this.initialBackoff + ").");
		}
		this.targets.forEach((name, target) -> {
			String key = prefix + "targets." + name + ".";
			for (int i = 0; i < target.scopes.size(); i++) {
				ValidValues.scope(key + "scopes[" + i + "]", target.scopes.get(i));
			}
			if (target.audience != null) {
				ValidValues.text(key + "audience", target.audience, name);
			}
		});
	}

	@Override
	public String toString() {
		return "S2sOutboundProperties[tokenUri=" + this.tokenUri + ", clientId=" + this.clientId + ", targets="
				+ this.targets.keySet() + "]";
	}

	/**
	 * Client authentication methods at the token endpoint.
	 */
	public enum ClientAuthenticationMethod {

		/**
		 * HTTP Basic with the client id and secret.
		 */
		CLIENT_SECRET_BASIC,

		/**
		 * Client id and secret in the request body.
		 */
		CLIENT_SECRET_POST,

		/**
		 * A JWT signed with this service's private key (RFC 7523).
		 */
		PRIVATE_KEY_JWT,

		/**
		 * The client certificate of 'ssl-bundle', issued by a certificate authority the
		 * identity provider trusts and registered by its subject or SAN (RFC 8705).
		 */
		TLS_CLIENT_AUTH,

		/**
		 * The self-signed client certificate of 'ssl-bundle', registered with the
		 * identity provider by its public key (RFC 8705).
		 */
		SELF_SIGNED_TLS_CLIENT_AUTH;

		/**
		 * The method's name at the token endpoint, e.g. {@code client_secret_basic}.
		 * @return the name
		 */
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A service this service calls.
	 */
	public static class Target {

		/**
		 * Base URLs of the target; tokens are attached only to requests under them.
		 */
		private List<URI> baseUrls = new ArrayList<>();

		/**
		 * Audience to ask the identity provider for.
		 */
		private @Nullable String audience;

		/**
		 * Scopes to ask the identity provider for.
		 */
		private List<String> scopes = new ArrayList<>();

		/**
		 * How identity travels to the target: this service's own token, the incoming
		 * bearer forwarded as is, or a token exchange of the incoming token.
		 */
		private OutboundTarget.Identity identity = OutboundTarget.Identity.SERVICE;

		/**
		 * Whether forwarding the incoming bearer token to this target is intended;
		 * required with 'identity: forward'.
		 */
		private boolean allowForwarding;

		/**
		 * How this target's audience is sent, instead of 'audience-parameter'.
		 */
		private @Nullable AudienceParameter audienceParameter;

		/**
		 * Whether the target requires DPoP-bound tokens (RFC 9449): tokens are requested
		 * with a DPoP proof of this service's key, and every request carries a fresh
		 * proof.
		 */
		private boolean dpop;

		/**
		 * SSL bundle whose client certificate (and trust store) requests to this target's
		 * base URLs use; requests to other URLs keep their client's own settings.
		 */
		private @Nullable String sslBundle;

		/**
		 * Base URLs of the target; tokens are attached only to requests under them.
		 * @return the base urls
		 */
		public List<URI> getBaseUrls() {
			return this.baseUrls;
		}

		/**
		 * Base URLs of the target; tokens are attached only to requests under them.
		 * @param baseUrls the base urls
		 */
		public void setBaseUrls(List<URI> baseUrls) {
			this.baseUrls = baseUrls;
		}

		/**
		 * Audience to ask the identity provider for.
		 * @return the audience
		 */
		public @Nullable String getAudience() {
			return this.audience;
		}

		/**
		 * Audience to ask the identity provider for.
		 * @param audience the audience
		 */
		public void setAudience(@Nullable String audience) {
			this.audience = audience;
		}

		/**
		 * Scopes to ask the identity provider for.
		 * @return the scopes
		 */
		public List<String> getScopes() {
			return this.scopes;
		}

		/**
		 * Scopes to ask the identity provider for.
		 * @param scopes the scopes
		 */
		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		/**
		 * How identity travels to the target: this service's own token, the incoming
		 * bearer forwarded as is, or a token exchange of the incoming token.
		 * @return the identity
		 */
		public OutboundTarget.Identity getIdentity() {
			return this.identity;
		}

		/**
		 * How identity travels to the target: this service's own token, the incoming
		 * bearer forwarded as is, or a token exchange of the incoming token.
		 * @param identity the identity
		 */
		public void setIdentity(OutboundTarget.Identity identity) {
			this.identity = identity;
		}

		/**
		 * Whether forwarding the incoming bearer token to this target is intended;
		 * required with 'identity: forward'.
		 * @return the allow forwarding
		 */
		public boolean isAllowForwarding() {
			return this.allowForwarding;
		}

		/**
		 * Whether forwarding the incoming bearer token to this target is intended;
		 * required with 'identity: forward'.
		 * @param allowForwarding the allow forwarding
		 */
		public void setAllowForwarding(boolean allowForwarding) {
			this.allowForwarding = allowForwarding;
		}

		/**
		 * How this target's audience is sent, instead of 'audience-parameter'.
		 * @return the audience parameter
		 */
		public @Nullable AudienceParameter getAudienceParameter() {
			return this.audienceParameter;
		}

		/**
		 * How this target's audience is sent, instead of 'audience-parameter'.
		 * @param audienceParameter the audience parameter
		 */
		public void setAudienceParameter(@Nullable AudienceParameter audienceParameter) {
			this.audienceParameter = audienceParameter;
		}

		/**
		 * Whether the target requires DPoP-bound tokens (RFC 9449): tokens are requested
		 * with a DPoP proof of this service's key, and every request carries a fresh
		 * proof.
		 * @return whether it requires DPoP
		 */
		public boolean isDpop() {
			return this.dpop;
		}

		/**
		 * Whether the target requires DPoP-bound tokens (RFC 9449): tokens are requested
		 * with a DPoP proof of this service's key, and every request carries a fresh
		 * proof.
		 * @param dpop whether it requires DPoP
		 */
		public void setDpop(boolean dpop) {
			this.dpop = dpop;
		}

		/**
		 * SSL bundle whose client certificate (and trust store) requests to this target's
		 * base URLs use; requests to other URLs keep their client's own settings.
		 * @return the ssl bundle
		 */
		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		/**
		 * SSL bundle whose client certificate (and trust store) requests to this target's
		 * base URLs use; requests to other URLs keep their client's own settings.
		 * @param sslBundle the ssl bundle
		 */
		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

	}

}
