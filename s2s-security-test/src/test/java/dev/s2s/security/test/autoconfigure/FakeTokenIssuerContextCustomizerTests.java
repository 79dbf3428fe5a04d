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

import java.util.List;
import java.util.Map;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A test never switches on what production has off: {@code @AutoConfigureFakeTokenIssuer}
 * points the application's own issuers at the fake, and adds none.
 */
class FakeTokenIssuerContextCustomizerTests {

	private final FakeTokenIssuerContextCustomizer customizer = new FakeTokenIssuerContextCustomizer(
			IdentityProvider.GENERIC, List.of(SigningAlgorithm.RS256), "");

	@Test
	void anApplicationWithoutTrustedIssuersFailsAsItWouldInProduction() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setDefaultProperties(Map.of("s2s.security.service-id", "inventory-service", "server.port", "0"));
		application.addInitializers((context) -> this.customizer.customizeContext(context, null));
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(application::run)
			.withMessageContaining(
					"@ServiceCaller on StockController.stock says who may call. No trusted issuer " + "is configured");
	}

	@Test
	void anApplicationsOwnIssuerIsPointedAtTheFake() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setDefaultProperties(Map.of("s2s.security.service-id", "inventory-service", "server.port", "0",
				"s2s.security.inbound.issuers[0].issuer-uri", "https://idp.example.com/realms/platform"));
		application.addInitializers((context) -> this.customizer.customizeContext(context, null));
		try (ConfigurableApplicationContext context = application.run()) {
			FakeTokenIssuer issuer = context.getBean(FakeTokenIssuer.class);
			assertThat(context.getEnvironment().getProperty("s2s.security.inbound.issuers[0].issuer-uri"))
				.isEqualTo(issuer.issuerUri().toString());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StockController.class)
	static class App {

	}

	@RestController
	static class StockController {

		@GetMapping("/stock")
		@ServiceCaller("order-service")
		String stock() {
			return "stock";
		}

	}

}
