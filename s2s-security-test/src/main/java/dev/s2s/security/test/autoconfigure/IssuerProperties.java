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

package dev.s2s.security.test.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.test.FakeTokenIssuer;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The properties that point an application at a fake issuer, derived from what the
 * application configures.
 *
 * <p>
 * Boot binds a list from the one property source that has it first, so setting
 * {@code issuers[0].issuer-uri} alone would drop the application's other settings of its
 * issuers; they are copied along instead.
 *
 * @author s2s-security team
 */
final class IssuerProperties {

	private static final String INBOUND = "s2s.security.inbound.";

	private static final String FIRST_ISSUER = INBOUND + "issuers[0].";

	private static final String OUTBOUND = "s2s.security.outbound.";

	private static final String CLIENT_SECRET = OUTBOUND + "client-secret";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ConfigurationPropertyName ISSUERS = ConfigurationPropertyName.of(INBOUND + "issuers");

	private final Map<String, Object> issuers;

	private final Binder binder;

	IssuerProperties(ConfigurableEnvironment environment) {
		this.issuers = configuredIssuers(environment);
		this.binder = Binder.get(environment);
	}

	/**
	 * The provider to imitate: the annotation's, unless it is the default and the
	 * application names one.
	 */
	IdentityProvider provider(IdentityProvider requested) {
		if (requested != IdentityProvider.GENERIC) {
			return requested;
		}
		return this.binder.bind(FIRST_ISSUER + "provider", IdentityProvider.class).orElse(requested);
	}

	/**
	 * The application's settings, pointed at the issuer: its first trusted issuer, if it
	 * trusts one (a test never switches on what the application has off), its token
	 * endpoint, if it sends service tokens, and the client secret when one was generated.
	 */
	Map<String, Object> pointingAt(FakeTokenIssuer issuer, IdentityProvider provider, Optional<Client> client) {
		Map<String, Object> properties = new LinkedHashMap<>(this.issuers);
		if (!this.issuers.isEmpty()) {
			properties.keySet().removeIf((name) -> name.startsWith(FIRST_ISSUER + "jwk-set-uri"));
			properties.put(FIRST_ISSUER + "issuer-uri", issuer.issuerUri().toString());
			properties.put(FIRST_ISSUER + "provider", provider.toString());
			properties.put(INBOUND + "jwks.min-refresh-interval", "100ms");
		}
		if (sendsServiceTokens()) {
			boolean byDiscovery = isSet(OUTBOUND + "issuer-uri");
			properties.put(OUTBOUND + (byDiscovery ? "issuer-uri" : "token-uri"),
					(byDiscovery ? issuer.issuerUri() : issuer.tokenUri()).toString());
		}
		client.filter(Client::generated).ifPresent((generated) -> properties.put(CLIENT_SECRET, generated.secret()));
		return properties;
	}

	/**
	 * The client the application authenticates as with a secret, when it sends service
	 * tokens: its {@code client-id} (else the service id) with its {@code client-secret}
	 * or the content of its {@code client-secret-file}. Without either (or with a secret
	 * that is still an unresolved placeholder, such as {@code ${CLIENT_SECRET}}) a secret
	 * is generated for the application. None for {@code private_key_jwt}: the test
	 * registers the public key.
	 */
	Optional<Client> outboundClient() {
		if (!sendsServiceTokens() || usesPrivateKey()) {
			return Optional.empty();
		}
		Optional<String> id = string(OUTBOUND + "client-id").or(() -> string("s2s.security.service-id"))
			.or(() -> string("spring.application.name"));
		if (id.isEmpty()) {
			return Optional.empty();
		}
		Path file = this.binder.bind(OUTBOUND + "client-secret-file", Path.class).orElse(null);
		if (file != null) {
			return read(file).map((secret) -> new Client(id.get(), secret, false));
		}
		String secret = this.binder.bind(CLIENT_SECRET, String.class).orElse(null);
		if (secret == null || secret.isBlank() || PLACEHOLDER.matcher(secret).find()) {
			return Optional.of(new Client(id.get(), generatedSecret(), true));
		}
		return Optional.of(new Client(id.get(), secret, false));
	}

	private boolean usesPrivateKey() {
		return isSet(OUTBOUND + "private-key-file")
				|| string(OUTBOUND + "client-authentication-method").filter("private_key_jwt"::equalsIgnoreCase)
					.isPresent();
	}

	/**
	 * The secret as the application reads it, or none when the file cannot be read: the
	 * application then fails as it would in production.
	 */
	private static Optional<String> read(Path file) {
		try {
			return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter((s) -> !s.isEmpty());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String generatedSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private boolean sendsServiceTokens() {
		return isSet(OUTBOUND + "token-uri") || isSet(OUTBOUND + "issuer-uri")
				|| !this.binder.bind(OUTBOUND + "targets", Bindable.mapOf(String.class, Object.class))
					.orElse(Map.of())
					.isEmpty();
	}

	private boolean isSet(String name) {
		return string(name).isPresent();
	}

	private Optional<String> string(String name) {
		return Optional.ofNullable(this.binder.bind(name, String.class).orElse(null))
			.map(String::trim)
			.filter((value) -> !value.isEmpty());
	}

	private static Map<String, Object> configuredIssuers(ConfigurableEnvironment environment) {
		Map<String, Object> issuers = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.from(environment.getPropertySources())) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(ISSUERS::isAncestorOf).forEach((name) -> {
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					if (property != null) {
						issuers.put(name.toString(), property.getValue());
					}
				});
				if (!issuers.isEmpty()) {
					return issuers;
				}
			}
		}
		return issuers;
	}

	/**
	 * The application's outbound client.
	 *
	 * @param id the client id
	 * @param secret the secret
	 * @param generated whether the secret was generated for the test
	 */
	record Client(String id, String secret, boolean generated) {
	}

}
