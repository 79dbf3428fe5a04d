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
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.RecordedRequest;
import dev.s2s.security.test.SigningAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code @AutoConfigureFakeTokenIssuer} makes the fake know the application's
 * outbound client: each test starts an application with the customizer and gets a real
 * token through its {@link ServiceTokens}.
 */
class OutboundClientRegistrationTests {

	private static final String OUTBOUND = "s2s.security.outbound.";

	private final FakeTokenIssuerContextCustomizer customizer = new FakeTokenIssuerContextCustomizer(
			IdentityProvider.GENERIC, List.of(SigningAlgorithm.RS256), "");

	@Test
	void aConfiguredSecretIsRegisteredAndKept() {
		run(Map.of(OUTBOUND + "client-secret", "order-secret"), (context) -> {
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "client-secret")).isEqualTo("order-secret");
			assertThat(tokenFor(context)).containsEntry("sub", "order-service");
			assertThat(issuer(context).requests(Endpoint.TOKEN)).singleElement()
				.extracting(RecordedRequest::clientAuthentication)
				.isEqualTo("client_secret_basic");
		});
	}

	@Test
	void withoutASecretOneIsGeneratedAndSetForTheApplication() {
		run(Map.of(), (context) -> {
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "client-secret")).isNotBlank();
			assertThat(tokenFor(context)).containsEntry("sub", "order-service");
		});
	}

	@Test
	void aSecretThatIsAnUnresolvedPlaceholderIsReplacedByAGeneratedOne() {
		run(Map.of(OUTBOUND + "client-secret", "${S2S_TEST_UNSET_CLIENT_SECRET}"), (context) -> {
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "client-secret")).isNotBlank()
				.doesNotContain("${");
			assertThat(tokenFor(context)).containsEntry("sub", "order-service");
		});
	}

	@Test
	void aSecretFileIsReadAsTheApplicationReadsIt(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("client-secret"), "  file-secret\n", StandardCharsets.UTF_8);
		run(Map.of(OUTBOUND + "client-secret-file", file.toString(), OUTBOUND + "client-authentication-method",
				"client_secret_post"), (context) -> {
					assertThat(context.getEnvironment().getProperty(OUTBOUND + "client-secret")).isNull();
					assertThat(tokenFor(context)).containsEntry("sub", "order-service");
					assertThat(issuer(context).requests(Endpoint.TOKEN)).singleElement()
						.extracting(RecordedRequest::clientAuthentication)
						.isEqualTo("client_secret_post");
				});
	}

	@Test
	void theClientIdWinsOverTheServiceId() {
		run(Map.of(OUTBOUND + "client-id", "order-client"), (context) -> {
			assertThat(tokenFor(context)).containsEntry("sub", "order-client")
				.containsEntry("client_id", "order-client");
		});
	}

	@Test
	void anIssuerUriIsPointedAtTheFakeAndDiscovered() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(OUTBOUND + "token-uri", "");
		properties.put(OUTBOUND + "issuer-uri", "https://idp.example.com/realms/platform");
		run(properties, (context) -> {
			FakeTokenIssuer issuer = issuer(context);
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "issuer-uri"))
				.isEqualTo(issuer.issuerUri().toString());
			assertThat(tokenFor(context)).containsEntry("iss", issuer.issuerUri().toString());
			assertThat(issuer.requestCount(Endpoint.DISCOVERY)).isPositive();
		});
	}

	@Test
	void aPrivateKeyJwtClientIsRegisteredByTheTest(@TempDir Path directory) throws IOException, JOSEException {
		RSAKey key = new RSAKeyGenerator(2048).keyID("order-key").generate();
		Path file = Files.writeString(directory.resolve("key.jwk"), key.toJSONString(), StandardCharsets.UTF_8);
		run(Map.of(OUTBOUND + "private-key-file", file.toString()), (context) -> {
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "client-secret")).isNull();
			issuer(context).registerClient("order-service", key.toPublicJWK());
			assertThat(tokenFor(context)).containsEntry("sub", "order-service");
			assertThat(issuer(context).requests(Endpoint.TOKEN)).singleElement()
				.extracting(RecordedRequest::clientAuthentication)
				.isEqualTo("private_key_jwt");
		});
	}

	@Test
	void anApplicationThatSendsNoServiceTokensGetsNoOutboundSettings() {
		SpringApplication application = application(Map.of("s2s.security.service-id", "order-service"));
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "token-uri")).isNull();
			assertThat(context.getEnvironment().getProperty(OUTBOUND + "client-secret")).isNull();
			assertThat(context.getBeanProvider(ServiceTokens.class).getIfAvailable()).isNull();
		}
	}

	private void run(Map<String, String> outbound, Consumer<ConfigurableApplicationContext> assertions) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("s2s.security.service-id", "order-service");
		properties.put(OUTBOUND + "token-uri", "https://idp.example.com/oauth2/token");
		properties.put(OUTBOUND + "targets.inventory.base-urls", "http://127.0.0.1:1");
		properties.put(OUTBOUND + "targets.inventory.audience", "inventory-service");
		properties.putAll(outbound);
		// An empty value drops a default.
		properties.values().removeIf(""::equals);
		try (ConfigurableApplicationContext context = application(properties).run()) {
			assertions.accept(context);
		}
	}

	private SpringApplication application(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		application.addInitializers((context) -> this.customizer.customizeContext(context, null));
		return application;
	}

	private static FakeTokenIssuer issuer(ConfigurableApplicationContext context) {
		return context.getBean(FakeTokenIssuer.class);
	}

	private static Map<String, Object> tokenFor(ConfigurableApplicationContext context) {
		try {
			return SignedJWT.parse(context.getBean(ServiceTokens.class).getToken("inventory"))
				.getJWTClaimsSet()
				.getClaims();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
