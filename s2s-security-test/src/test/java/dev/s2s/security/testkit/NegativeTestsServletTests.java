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

package dev.s2s.security.testkit;

import java.net.URI;

import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.test.AutoConfigureFakeTokenIssuer;
import dev.s2s.security.test.NegativeTests;
import dev.s2s.security.web.S2sHttpConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.TestCaller.service;
import static dev.s2s.security.test.TestCaller.user;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link NegativeTests} against endpoints whose rules plain Spring Security enforces:
 * {@code /stock/**} admits {@code order-service} with {@code inventory.read} only,
 * {@code /whoami} anyone with a valid token.
 */
@SpringBootTest(classes = NegativeTestsServletTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform" })
@AutoConfigureMockMvc
@AutoConfigureFakeTokenIssuer
class NegativeTestsServletTests {

	private static final NegativeTests STOCK = NegativeTests.forEndpoint(HttpMethod.GET, "/stock/1")
		.allowing(service("order-service").scopes("inventory.read"));

	@Autowired
	MockMvc mockMvc;

	@LocalServerPort
	int port;

	@Test
	void passesForAnEndpointThatEnforcesItsRulesThroughMockMvc() {
		assertThatNoException().isThrownBy(() -> STOCK.run(this.mockMvc));
	}

	@Test
	void passesForAnEndpointThatEnforcesItsRulesOverARealPort() {
		assertThatNoException().isThrownBy(() -> STOCK.run(URI.create("http://127.0.0.1:" + this.port)));
	}

	@Test
	void namesEveryCaseAnEndpointGetsWrong() {
		NegativeTests whoami = NegativeTests.forEndpoint(HttpMethod.GET, "/whoami")
			.allowing(service("order-service").scopes("inventory.read"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> whoami.run(this.mockMvc))
			.withMessageStartingWith("GET /whoami: 4 of 23 negative cases failed:")
			.withMessageContaining(
					"user negative-test-user with scopes inventory.read (not allowed): " + "expected 403 but was 200")
			.withMessageContaining("user negative-test-user via order-service with scopes inventory.read "
					+ "(not allowed): expected 403 but was 200")
			.withMessageContaining("service negative-test-service with scopes inventory.read (not allowed): "
					+ "expected 403 but was 200")
			.withMessageContaining("service order-service (not allowed): expected 403 but was 200")
			.withMessageNotContaining("expired");
	}

	@Test
	void failsWhenTheEndpointRefusesAnAllowedCaller() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/stock/1")
			.allowing(service("order-service").scopes("inventory.read"), user("alice"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.mockMvc))
			.withMessageContaining("user alice (allowed): expected neither 401 nor 403 but was 403");
	}

	@Test
	void derivesNoForbiddenCaseThatAnotherAllowedCallerAdmits() {
		NegativeTests whoami = NegativeTests.forEndpoint(HttpMethod.GET, "/whoami")
			.allowing(service("order-service").scopes("inventory.read"), service("order-service"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> whoami.run(this.mockMvc))
			.withMessageStartingWith("GET /whoami: 4 of 24 negative cases failed:")
			.withMessageContaining("service negative-test-service (not allowed): expected 403 but was 200")
			.withMessageNotContaining("service order-service (not allowed)");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(WhoAmIController.class)
	static class App {

		@Bean
		SecurityFilterChain rules(HttpSecurity http) throws Exception {
			http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/stock/**")
					.access(orderServiceReading())
					.anyRequest()
					.authenticated());
			return http.build();
		}

		private static AuthorizationManager<RequestAuthorizationContext> orderServiceReading() {
			return (authentication,
					context) -> new AuthorizationDecision(authentication.get() instanceof ServiceAuthentication caller
							&& caller.getServiceId().equals("order-service") && caller.hasScope("inventory.read"));
		}

	}

}
