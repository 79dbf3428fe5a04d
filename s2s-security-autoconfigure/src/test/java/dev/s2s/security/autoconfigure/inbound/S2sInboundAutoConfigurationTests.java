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

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationAutoConfiguration;
import dev.s2s.security.autoconfigure.web.S2sWebSecurityAutoConfiguration;
import dev.s2s.security.inbound.ReactiveS2sJwtDecoder;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.web.S2sServerHttpConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S2sInboundAutoConfiguration}.
 */
class S2sInboundAutoConfigurationTests {

	private static final String ISSUER = "s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform";

	private static final AutoConfigurations BOOT_SECURITY = AutoConfigurations.of(SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
			OAuth2ResourceServerWebSecurityAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
				S2sAuthorizationAutoConfiguration.class, S2sWebSecurityAutoConfiguration.class))
		.withConfiguration(BOOT_SECURITY)
		.withPropertyValues("s2s.security.service-id=inventory-service");

	@Test
	void backsOffWhenNoIssuerIsConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(S2sJwtDecoder.class);
			assertThat(context).doesNotHaveBean(CallerClassifier.class);
		});
	}

	@Test
	void decoderClassifierAndFilterChainAreConfiguredForATrustedIssuer() {
		this.contextRunner.withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(S2sJwtDecoder.class);
			assertThat(context).hasSingleBean(CallerClassifier.class).hasSingleBean(SecurityFilterChain.class);
			assertThat(context).getBean("s2sSecurityFilterChain").isNotNull();
		});
	}

	@Test
	void bootResourceServerBacksOffInFavourOfS2s() {
		this.contextRunner.withPropertyValues(ISSUER).run((context) -> {
			assertThat(context.getBeansOfType(JwtDecoder.class)).containsOnlyKeys("s2sJwtDecoder");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("s2sSecurityFilterChain");
		});
	}

	@Test
	void decoderBacksOffWhenUserDefinesJwtDecoder() {
		this.contextRunner.withPropertyValues(ISSUER).withUserConfiguration(UserJwtDecoder.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(S2sJwtDecoder.class);
			assertThat(context).hasSingleBean(JwtDecoder.class).hasSingleBean(SecurityFilterChain.class);
		});
	}

	@Test
	void classifierBacksOffWhenUserDefinesOne() {
		this.contextRunner.withPropertyValues(ISSUER).withUserConfiguration(UserClassifier.class).run((context) -> {
			assertThat(context).getBean(CallerClassifier.class).isSameAs(context.getBean("userClassifier"));
		});
	}

	@Test
	void backsOffWithoutSpringSecurityResourceServer() {
		this.contextRunner.withPropertyValues(ISSUER)
			.withClassLoader(new FilteredClassLoader(BearerTokenAuthenticationToken.class))
			.run((context) -> assertThat(context).doesNotHaveBean(S2sJwtDecoder.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "HS256", "HS512", "none" })
	void startupFailsWhenASymmetricOrNoAlgorithmIsEnabled(String algorithm) {
		this.contextRunner.withPropertyValues(ISSUER, "s2s.security.inbound.issuers[0].algorithms=RS256," + algorithm)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.issuers[0].algorithms")
				.hasMessageContaining("use RS256, PS256, ES256 or EdDSA"));
	}

	@Test
	void startupFailsWhenIssuerUriIsMissing() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.issuers[0].audiences=inventory-service")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.issuers[0].issuer-uri")
				.hasMessageContaining("issuer-uri: https://idp.example.com/realms/platform"));
	}

	@Test
	void startupFailsWhenAnIssuerIsListedTwice() {
		this.contextRunner
			.withPropertyValues(ISSUER,
					"s2s.security.inbound.issuers[1].issuer-uri=https://idp.example.com/realms/platform")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.issuers[1].issuer-uri"));
	}

	@Test
	void startupFailsWhenBootResourceServerIsAlsoConfigured() {
		this.contextRunner
			.withPropertyValues(ISSUER,
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example.com/realms/platform")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
				.hasMessageContaining("move this issuer to 's2s.security.inbound.issuers[].issuer-uri'"));
	}

	@Test
	void startsWhileIdentityProviderIsUnreachable() {
		// Port 9 on loopback refuses connections: discovery is deferred to the first
		// token.
		this.contextRunner.withPropertyValues("s2s.security.inbound.issuers[0].issuer-uri=http://127.0.0.1:9/realm")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(S2sJwtDecoder.class));
	}

	@Test
	void bootOrderingNamesStillExist() throws Exception {
		for (String name : S2sInboundAutoConfiguration.class
			.getAnnotation(org.springframework.boot.autoconfigure.AutoConfiguration.class)
			.beforeName()) {
			assertThat(Class.forName(name)).as(name).isNotNull();
		}
	}

	@Test
	void reactiveStackGetsTheSameDecoderThroughAnAdapter() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class,
					S2sInboundAutoConfiguration.class, S2sAuthorizationAutoConfiguration.class,
					S2sWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
					ReactiveOAuth2ResourceServerAutoConfiguration.class,
					ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=inventory-service", ISSUER)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(S2sJwtDecoder.class);
				assertThat(context.getBeansOfType(ReactiveJwtDecoder.class)).hasSize(1)
					.allSatisfy((name, decoder) -> assertThat(decoder).isInstanceOf(ReactiveS2sJwtDecoder.class));
				assertThat(context).hasSingleBean(S2sServerHttpConfigurer.class);
				assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
					.containsOnlyKeys("s2sSecurityWebFilterChain");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserJwtDecoder {

		@Bean
		JwtDecoder userDecoder() {
			return NimbusJwtDecoder.withJwkSetUri("https://idp.example.com/jwks").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClassifier {

		@Bean
		CallerClassifier userClassifier() {
			return new CallerClassifier(java.util.Map.of("https://idp.example.com/realms/platform",
					IdentityProvider.KEYCLOAK.claimMapping()), "inventory-service");
		}

	}

}
