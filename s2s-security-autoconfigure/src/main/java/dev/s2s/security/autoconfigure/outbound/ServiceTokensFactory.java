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
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.autoconfigure.ValidValues;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundProperties.ClientAuthenticationMethod;
import dev.s2s.security.outbound.AudienceParameter;
import dev.s2s.security.outbound.ClientCredentials;
import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.outbound.TokenMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Builds {@link ServiceTokens} from {@link S2sOutboundProperties}, refusing a
 * configuration that would be insecure or could not work, with a message that says what
 * to write instead.
 *
 * @author s2s-security team
 */
final class ServiceTokensFactory {

	private static final Log logger = LogFactory.getLog(ServiceTokensFactory.class);

	private static final String PREFIX = "s2s.security.outbound.";

	private static final Pattern IPV4_LOOPBACK = Pattern
		.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

	/** A placeholder the environment could not resolve, bound as it is written. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

	private ServiceTokensFactory() {
	}

	static ServiceTokens.Builder builder(S2sOutboundProperties properties, ServiceIdentity identity,
			TokenMetrics metrics, @Nullable SslBundles bundles) {
		properties.validate();
		String clientId = StringUtils.hasText(properties.getClientId()) ? properties.getClientId()
				: identity.serviceId();
		SslBundle bundle = tokenEndpointBundle(properties, bundles);
		ServiceTokens.Builder builder = ServiceTokens.builder(credentials(properties, clientId, bundle))
			.audienceParameter(properties.getAudienceParameter())
			.timeouts(properties.getConnectTimeout(), properties.getReadTimeout(), properties.getDeadline())
			.maxResponseSize(ValidValues.bytes(PREFIX + "max-response-size", properties.getMaxResponseSize()))
			.defaultTokenLifetime(properties.getDefaultTokenLifetime())
			.maxTokenLifetime(properties.getMaxTokenLifetime())
			.renewAtFraction(properties.getRenewAt())
			.backoff(properties.getInitialBackoff(), properties.getMaxBackoff())
			.metrics(metrics);
		endpoint(properties, builder);
		String bundleName = properties.getSslBundle();
		if (bundle != null && bundles != null && bundleName != null) {
			builder.sslContext(new BundleSslContext(bundles, bundleName));
		}
		for (Map.Entry<String, S2sOutboundProperties.Target> entry : properties.getTargets().entrySet()) {
			builder.target(target(entry.getKey(), entry.getValue(), properties.getAudienceParameter()));
		}
		return builder;
	}

	private static @Nullable URI uri(String key, @Nullable String value) {
		try {
			return (value != null) ? new URI(value) : null;
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(key, value, "Use an absolute https:// URL.");
		}
	}

	private static void endpoint(S2sOutboundProperties properties, ServiceTokens.Builder builder) {
		URI tokenUri = properties.getTokenUri();
		URI issuerUri = uri(PREFIX + "issuer-uri", properties.getIssuerUri());
		if (tokenUri != null && issuerUri != null) {
			throw new MutuallyExclusiveConfigurationPropertiesException(
					Set.of(PREFIX + "token-uri", PREFIX + "issuer-uri"),
					Set.of(PREFIX + "token-uri", PREFIX + "issuer-uri"));
		}
		URI uri = (tokenUri != null) ? tokenUri : issuerUri;
		if (uri == null) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "token-uri", null,
					"Outbound tokens need the identity provider's token endpoint. Set '" + PREFIX
							+ "token-uri: https://idp.example.com/oauth2/token' or '" + PREFIX
							+ "issuer-uri: https://idp.example.com'.");
		}
		String key = PREFIX + ((tokenUri != null) ? "token-uri" : "issuer-uri");
		if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
			throw new InvalidConfigurationPropertyValueException(key, uri, "Use an absolute https:// URL.");
		}
		if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
			if (!properties.isAllowPlainHttp()) {
				throw new InvalidConfigurationPropertyValueException(key, uri,
						"Plain http:// to a host that is not loopback sends client credentials and tokens in clear "
								+ "text. Use https://, or, if that is intended, set '" + PREFIX
								+ "allow-plain-http: true'.");
			}
			logger.warn("'" + key + "' uses http:// to a host that is not loopback: client credentials and tokens "
					+ "travel in clear text (" + PREFIX + "allow-plain-http is set). Use https://.");
		}
		if (tokenUri != null) {
			builder.tokenUri(tokenUri);
		}
		else {
			builder.issuerUri(uri);
		}
	}

	private static void resolved(String key, @Nullable String value) {
		if (value != null && PLACEHOLDER.matcher(value).find()) {
			// Never echo the value: it may be a secret with a placeholder inside.
			throw new InvalidConfigurationPropertyValueException(key, "<redacted>",
					"It holds a placeholder that nothing resolved, such as an environment variable that is not set. "
							+ "Set the variable, or the property itself.");
		}
	}

	private static @Nullable SslBundle tokenEndpointBundle(S2sOutboundProperties properties,
			@Nullable SslBundles bundles) {
		String name = properties.getSslBundle();
		if (name == null) {
			return null;
		}
		if (bundles == null || !bundles.getBundleNames().contains(name)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "ssl-bundle", name,
					"There is no SSL bundle '" + name + "'. Define it under 'spring.ssl.bundle.pem." + name
							+ "' (or '.jks." + name + "'), or name an existing one.");
		}
		return bundles.getBundle(name);
	}

	private static ClientCredentials credentials(S2sOutboundProperties properties, String clientId,
			@Nullable SslBundle bundle) {
		resolved(PREFIX + "client-id", properties.getClientId());
		resolved(PREFIX + "client-secret", properties.getClientSecret());
		resolved(PREFIX + "private-key-id", properties.getPrivateKeyId());
		ClientAuthenticationMethod method = properties.getClientAuthenticationMethod();
		if (method == null) {
			method = (properties.getPrivateKeyFile() != null) ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
					: ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		}
		if (method == ClientAuthenticationMethod.TLS_CLIENT_AUTH
				|| method == ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH) {
			return certificate(properties, clientId, method, bundle);
		}
		if (method == ClientAuthenticationMethod.PRIVATE_KEY_JWT) {
			if (properties.getPrivateKeyFile() == null) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "private-key-file", null,
						"private_key_jwt signs with this service's private key. Set '" + PREFIX
								+ "private-key-file: /path/to/key.pem' (PKCS#8 PEM or JWK).");
			}
			return ClientCredentials.privateKeyJwt(clientId, ClientCredentials.keyFile(properties.getPrivateKeyFile()),
					properties.getPrivateKeyId());
		}
		Supplier<String> secret = secret(properties);
		return (method == ClientAuthenticationMethod.CLIENT_SECRET_POST)
				? ClientCredentials.clientSecretPost(clientId, secret)
				: ClientCredentials.clientSecretBasic(clientId, secret);
	}

	/**
	 * RFC 8705 client authentication: the certificate is the credential, so nothing else
	 * may be configured (a forgotten secret would be a second way in), and the token
	 * endpoint must be reached over TLS.
	 */
	private static ClientCredentials certificate(S2sOutboundProperties properties, String clientId,
			ClientAuthenticationMethod method, @Nullable SslBundle bundle) {
		String why = method + " authenticates with the client certificate of '" + PREFIX + "ssl-bundle'";
		if (bundle == null) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "ssl-bundle", null,
					why + ". Set '" + PREFIX
							+ "ssl-bundle: <name>' to a bundle of 'spring.ssl.bundle' with a key store "
							+ "(certificate and private key).");
		}
		if (bundle.getStores().getKeyStore() == null) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "ssl-bundle", properties.getSslBundle(),
					why + ", but the bundle has no key store. Give it 'keystore.certificate' and "
							+ "'keystore.private-key' (PEM) or a JKS/PKCS#12 key store.");
		}
		String[][] others = { { "client-secret", (properties.getClientSecret() != null) ? "set" : null },
				{ "client-secret-file", (properties.getClientSecretFile() != null) ? "set" : null },
				{ "private-key-file", (properties.getPrivateKeyFile() != null) ? "set" : null },
				{ "private-key-id", (properties.getPrivateKeyId() != null) ? "set" : null } };
		for (String[] other : others) {
			if (other[1] != null) {
				// Never echo the value: it may be a secret.
				throw new InvalidConfigurationPropertyValueException(PREFIX + other[0], "<redacted>",
						why + "; no secret or key is sent. Remove '" + PREFIX + other[0] + "', or choose another '"
								+ PREFIX + "client-authentication-method'.");
			}
		}
		URI tokenUri = properties.getTokenUri();
		if (tokenUri == null) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "token-uri", null,
					why + ". Set '" + PREFIX + "token-uri' to the identity provider's mutual-TLS token endpoint "
							+ "(its 'mtls_endpoint_aliases.token_endpoint', RFC 8705 section 5); it is not "
							+ "discovered from '" + PREFIX + "issuer-uri'.");
		}
		if (!"https".equals(tokenUri.getScheme())) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "token-uri", tokenUri,
					why + ", which needs https://.");
		}
		return (method == ClientAuthenticationMethod.TLS_CLIENT_AUTH) ? ClientCredentials.tlsClientAuth(clientId)
				: ClientCredentials.selfSignedTlsClientAuth(clientId);
	}

	private static Supplier<String> secret(S2sOutboundProperties properties) {
		String secret = properties.getClientSecret();
		if (secret != null && properties.getClientSecretFile() != null) {
			throw new MutuallyExclusiveConfigurationPropertiesException(
					Set.of(PREFIX + "client-secret", PREFIX + "client-secret-file"),
					Set.of(PREFIX + "client-secret", PREFIX + "client-secret-file"));
		}
		if (properties.getClientSecretFile() != null) {
			return ClientCredentials.secretFile(properties.getClientSecretFile());
		}
		if (!StringUtils.hasText(secret)) {
			// Never echo the value: it is a secret even when it is blank.
			throw new InvalidConfigurationPropertyValueException(PREFIX + "client-secret", "<redacted>",
					"The client needs a secret. Set '" + PREFIX + "client-secret: ${CLIENT_SECRET}', '" + PREFIX
							+ "client-secret-file: /var/run/secrets/client-secret', or use '" + PREFIX
							+ "private-key-file' for private_key_jwt, or '" + PREFIX
							+ "client-authentication-method: tls_client_auth' with '" + PREFIX
							+ "ssl-bundle' for a client certificate.");
		}
		return () -> secret;
	}

	private static OutboundTarget target(String name, S2sOutboundProperties.Target target,
			AudienceParameter audienceParameter) {
		String key = PREFIX + "targets." + name + ".";
		if (target.getBaseUrls().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(key + "base-urls", null,
					"Tokens are attached only to a target's own URLs. Set '" + key + "base-urls: http://" + name
							+ ":8080'.");
		}
		for (URI url : target.getBaseUrls()) {
			if (url.getRawUserInfo() != null) {
				throw new InvalidConfigurationPropertyValueException(key + "base-urls", "<redacted>",
						"A base URL must not carry user info ('user:password@'): the token is the credential.");
			}
			if (!url.isAbsolute() || url.getHost() == null
					|| !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
				throw new InvalidConfigurationPropertyValueException(key + "base-urls", url,
						"Use an absolute http:// or https:// URL with a host, such as 'http://" + name + ":8080'.");
			}
		}
		if (target.getIdentity() == OutboundTarget.Identity.FORWARD && !target.isAllowForwarding()) {
			throw new InvalidConfigurationPropertyValueException(key + "identity", "forward",
					"Forwarding hands the caller's token to '" + name + "', which can then replay it anywhere "
							+ "it is accepted. Prefer 'identity: exchange'; if forwarding is intended, also set '" + key
							+ "allow-forwarding: true'.");
		}
		AudienceParameter parameter = (target.getAudienceParameter() != null) ? target.getAudienceParameter()
				: audienceParameter;
		if (parameter == AudienceParameter.RESOURCE && target.getAudience() != null
				&& !URI.create(target.getAudience()).isAbsolute()) {
			throw new InvalidConfigurationPropertyValueException(key + "audience", target.getAudience(),
					"RFC 8707 'resource' must be an absolute URI such as 'https://" + name + "'; or set '" + PREFIX
							+ "audience-parameter: audience'.");
		}
		if (target.isDpop() && target.getIdentity() == OutboundTarget.Identity.FORWARD) {
			throw new InvalidConfigurationPropertyValueException(key + "dpop", true,
					"A forwarded token is the caller's, bound (or not) to the caller's key: this service cannot "
							+ "prove it holds it. Use 'identity: service' or 'identity: exchange' with DPoP.");
		}
		return new OutboundTarget(name, target.getBaseUrls(), target.getAudience(), target.getScopes(),
				target.getIdentity(), target.getAudienceParameter(), target.isDpop());
	}

	/**
	 * Loopback by its name: {@code localhost} or a loopback IP literal, never what a name
	 * happens to resolve to at startup.
	 */
	static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
				|| IPV4_LOOPBACK.matcher(name).matches();
	}

}
