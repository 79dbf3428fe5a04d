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

package dev.s2s.security.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.s2s.security.caller.IdentityProvider;

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
	 * trusts one (a test never switches on what the application has off), and its token
	 * endpoint, if it sends service tokens.
	 */
	Map<String, Object> pointingAt(FakeTokenIssuer issuer, IdentityProvider provider) {
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
		return properties;
	}

	/**
	 * The client the application authenticates as, when it uses a secret.
	 */
	Optional<Client> outboundClient() {
		if (!sendsServiceTokens()) {
			return Optional.empty();
		}
		Optional<String> id = string(OUTBOUND + "client-id").or(() -> string("s2s.security.service-id"))
			.or(() -> string("spring.application.name"));
		Optional<String> secret = string(OUTBOUND + "client-secret");
		return id.flatMap((clientId) -> secret.map((value) -> new Client(clientId, value)));
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

	record Client(String id, String secret) {
	}

}
