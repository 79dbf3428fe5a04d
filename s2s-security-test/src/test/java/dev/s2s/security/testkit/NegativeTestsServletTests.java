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
import dev.s2s.security.test.NegativeTests;
import dev.s2s.security.test.TestCaller;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
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
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.TestCaller.service;
import static dev.s2s.security.test.TestCaller.user;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link NegativeTests} against endpoints of {@link RulesController}, whose rules
 * s2s-security's caller annotations enforce ({@code /api/stock/*} admits
 * {@code order-service} with {@code inventory.read} only), the same endpoint with a rule
 * removed, and endpoints that answer with the wrong challenges: {@code /bare/**} and
 * {@code /silent/**} have entry points and access-denied handlers of their own, and
 * {@code /stock/**} is guarded by plain Spring Security, whose 403 does not name the
 * scope. {@code /whoami} admits anyone with a valid token.
 */
@SpringBootTest(classes = NegativeTestsServletTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform" })
@AutoConfigureMockMvc
@AutoConfigureFakeTokenIssuer
class NegativeTestsServletTests {

	private static final TestCaller ORDER_SERVICE_READING = service("order-service").scopes("inventory.read");

	private static final NegativeTests STOCK = NegativeTests.forEndpoint(HttpMethod.GET, "/api/stock/1")
		.allowing(ORDER_SERVICE_READING);

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
	void namesTheScopeRuleThatNoLongerHolds() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/api/no-scope-rule/stock/1")
			.allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.mockMvc))
			.withMessage("GET /api/no-scope-rule/stock/1: 1 of 23 negative cases failed:\n"
					+ "  - scope rule: service 'order-service' without scope 'inventory.read' "
					+ "on GET /api/no-scope-rule/stock/1: expected 403 but was 200");
	}

	@Test
	void namesTheCallerRuleThatNoLongerHolds() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/api/no-caller-rule/stock/1")
			.allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.mockMvc))
			.withMessage("GET /api/no-caller-rule/stock/1: 1 of 23 negative cases failed:\n"
					+ "  - caller rule: service 'negative-test-service' with scope 'inventory.read' is not listed "
					+ "on GET /api/no-caller-rule/stock/1: expected 403 but was 200");
	}

	@Test
	void namesTheRuleThatNoLongerHoldsOverARealPort() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/api/no-scope-rule/stock/1")
			.allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> stock.run(URI.create("http://127.0.0.1:" + this.port)))
			.withMessageEndingWith("scope rule: service 'order-service' without scope 'inventory.read' "
					+ "on GET /api/no-scope-rule/stock/1: expected 403 but was 200");
	}

	@Test
	void namesEveryCaseAnEndpointGetsWrong() {
		NegativeTests whoami = NegativeTests.forEndpoint(HttpMethod.GET, "/whoami").allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> whoami.run(this.mockMvc))
			.withMessageStartingWith("GET /whoami: 4 of 23 negative cases failed:")
			.withMessageContaining("caller rule: user 'negative-test-user' with scope 'inventory.read' "
					+ "is not an allowed kind of caller on GET /whoami: expected 403 but was 200")
			.withMessageContaining("caller rule: user 'negative-test-user' via service 'order-service' with scope "
					+ "'inventory.read' is not an allowed kind of caller on GET /whoami: expected 403 but was 200")
			.withMessageContaining("caller rule: service 'negative-test-service' with scope 'inventory.read' "
					+ "is not listed on GET /whoami: expected 403 but was 200")
			.withMessageContaining("scope rule: service 'order-service' without scope 'inventory.read' "
					+ "on GET /whoami: expected 403 but was 200")
			.withMessageNotContaining("token rule");
	}

	@Test
	void failsWhenTheEndpointRefusesAnAllowedCaller() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/api/stock/1")
			.allowing(ORDER_SERVICE_READING, user("alice"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.mockMvc))
			.withMessageContaining(
					"allowed caller: user 'alice' on GET /api/stock/1: expected neither 401 nor 403 but was 403");
	}

	@Test
	void derivesNoForbiddenCaseThatAnotherAllowedCallerAdmits() {
		NegativeTests whoami = NegativeTests.forEndpoint(HttpMethod.GET, "/whoami")
			.allowing(ORDER_SERVICE_READING, service("order-service"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> whoami.run(this.mockMvc))
			.withMessageStartingWith("GET /whoami: 4 of 24 negative cases failed:")
			.withMessageContaining("caller rule: service 'negative-test-service' with scope 'inventory.read' "
					+ "is not listed on GET /whoami: expected 403 but was 200")
			.withMessageContaining("caller rule: service 'negative-test-service' is not listed on GET /whoami: "
					+ "expected 403 but was 200")
			.withMessageNotContaining("scope rule");
	}

	@Test
	void aScopeDenialMustNameTheMissingScope() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/stock/1").allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.mockMvc))
			.withMessage("GET /stock/1: 1 of 23 negative cases failed:\n"
					+ "  - scope rule: service 'order-service' without scope 'inventory.read' on GET /stock/1: "
					+ "expected 403 with WWW-Authenticate: Bearer error=\"insufficient_scope\" with a scope parameter "
					+ "naming 'inventory.read' but was 403 with WWW-Authenticate: Bearer "
					+ "error=\"insufficient_scope\", error_description=\"The request requires higher privileges than "
					+ "provided by the access token.\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\" "
					+ "(no scope parameter)");
	}

	@Test
	void wrongChallengesFailTheirCases() {
		NegativeTests bare = NegativeTests.forEndpoint(HttpMethod.GET, "/bare/stock/1").allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> bare.run(this.mockMvc))
			.withMessageStartingWith("GET /bare/stock/1: 19 of 23 negative cases failed:")
			.withMessageContaining("token rule: no token on GET /bare/stock/1: expected 401 with WWW-Authenticate: "
					+ "Bearer resource_metadata=\"…/.well-known/oauth-protected-resource\" and no error, since no "
					+ "token was sent (RFC 6750 section 3.1) but was 401 with WWW-Authenticate: Bearer "
					+ "error=\"invalid_token\", scope=\"inventory.write\" (error although no token was sent; no "
					+ "resource_metadata parameter, although the application serves "
					+ "/.well-known/oauth-protected-resource)")
			.withMessageContaining("token rule: expired token on GET /bare/stock/1: expected 401 with "
					+ "WWW-Authenticate: Bearer error=\"invalid_token\", "
					+ "resource_metadata=\"…/.well-known/oauth-protected-resource\" but was 401 with "
					+ "WWW-Authenticate: Bearer error=\"invalid_token\", scope=\"inventory.write\" (no "
					+ "resource_metadata parameter, although the application serves "
					+ "/.well-known/oauth-protected-resource)")
			.withMessageContaining("scope rule: service 'order-service' without scope 'inventory.read' on GET "
					+ "/bare/stock/1: expected 403 with WWW-Authenticate: Bearer error=\"insufficient_scope\" with a "
					+ "scope parameter naming 'inventory.read' but was 403 with WWW-Authenticate: Bearer "
					+ "error=\"invalid_token\", scope=\"inventory.write\" (error \"invalid_token\" instead of "
					+ "\"insufficient_scope\"; scope \"inventory.write\" does not name 'inventory.read')")
			.withMessageNotContaining("caller rule")
			.withMessageNotContaining("allowed caller");
	}

	@Test
	void missingChallengesFailTheirCases() {
		NegativeTests silent = NegativeTests.forEndpoint(HttpMethod.GET, "/silent/stock/1")
			.allowing(ORDER_SERVICE_READING);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> silent.run(this.mockMvc))
			.withMessageStartingWith("GET /silent/stock/1: 19 of 23 negative cases failed:")
			.withMessageContaining("token rule: no token on GET /silent/stock/1: expected 401 with "
					+ "WWW-Authenticate: Bearer resource_metadata=\"…/.well-known/oauth-protected-resource\" and no "
					+ "error, since no token was sent (RFC 6750 section 3.1) but was 401 without WWW-Authenticate")
			.withMessageContaining("token rule: unsigned token (alg: none) on GET /silent/stock/1: expected 401 with "
					+ "WWW-Authenticate: Bearer error=\"invalid_token\", "
					+ "resource_metadata=\"…/.well-known/oauth-protected-resource\" but was 401 without "
					+ "WWW-Authenticate")
			.withMessageContaining("scope rule: service 'order-service' without scope 'inventory.read' on GET "
					+ "/silent/stock/1: expected 403 with WWW-Authenticate: Bearer error=\"insufficient_scope\" "
					+ "with a scope parameter naming 'inventory.read' but was 403 without WWW-Authenticate");
	}

	@Test
	void namesTheKindOfCallerThatIsNotAllowed() {
		NegativeTests whoami = NegativeTests.forEndpoint(HttpMethod.GET, "/whoami").allowing(user("alice"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> whoami.run(this.mockMvc))
			.withMessageStartingWith("GET /whoami: 2 of 21 negative cases failed:")
			.withMessageContaining("caller rule: service 'negative-test-service' is not an allowed kind of caller "
					+ "on GET /whoami: expected 403 but was 200")
			.withMessageContaining("caller rule: user 'negative-test-user' via service 'negative-test-service' "
					+ "is not an allowed kind of caller on GET /whoami: expected 403 but was 200");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ WhoAmIController.class, RulesController.class })
	static class App {

		/**
		 * Challenges that are wrong in every way: an error without a token, no
		 * resource_metadata, the wrong error and scope on a 403.
		 */
		@Bean
		@Order(1)
		SecurityFilterChain bare(HttpSecurity http) throws Exception {
			String wrong = "Bearer error=\"invalid_token\", scope=\"inventory.write\"";
			http.securityMatcher("/bare/**")
				.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.authenticationEntryPoint((request, response, ex) -> {
					response.setStatus(401);
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wrong);
				}).accessDeniedHandler((request, response, ex) -> {
					response.setStatus(403);
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wrong);
				}));
			return http.build();
		}

		/**
		 * No challenges at all.
		 */
		@Bean
		@Order(2)
		SecurityFilterChain silent(HttpSecurity http) throws Exception {
			http.securityMatcher("/silent/**")
				.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer(
						(server) -> server.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
							.accessDeniedHandler((request, response, ex) -> response.setStatus(403)));
			return http.build();
		}

		@Bean
		@Order(3)
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
