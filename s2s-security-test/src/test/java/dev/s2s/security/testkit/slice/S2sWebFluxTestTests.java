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

package dev.s2s.security.testkit.slice;

import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.WithDelegatedCaller;
import dev.s2s.security.test.WithUserCaller;
import dev.s2s.security.test.autoconfigure.S2sWebFluxTest;
import dev.s2s.security.testkit.RulesController;
import dev.s2s.security.testkit.WhoAmIController;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.test.NegativeTests;
import dev.s2s.security.web.S2sServerHttpConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.s2s.security.test.S2sWebTestClient.caller;
import static dev.s2s.security.test.TestCaller.delegated;
import static dev.s2s.security.test.TestCaller.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link S2sWebFluxTest}: the controllers, s2s-security and an issuer; nothing else. The
 * test's own rules admit only {@code order-service} with {@code inventory.read} to
 * {@code /stock/**}; {@link RulesController}'s annotations do the same for
 * {@code /api/stock/*}.
 */
@S2sWebFluxTest(controllers = { WhoAmIController.class, RulesController.class },
		properties = { "s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform" })
@Import(S2sWebFluxTestTests.StockRules.class)
class S2sWebFluxTestTests {

	@Autowired
	WebTestClient client;

	@Test
	void loadsTheControllerTheSecurityAndTheIssuerOnly(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(WhoAmIController.class)).hasSize(1);
		assertThat(context.getBeansOfType(CallerClassifier.class)).hasSize(1);
		assertThat(context.getBeansOfType(FakeTokenIssuer.class)).hasSize(1);
		assertThat(context.getBeansOfType(NotAController.class)).isEmpty();
		assertThat(context.getBeansOfType(ServiceTokens.class)).isEmpty();
	}

	@Test
	void aServiceTokenReachesTheController() {
		this.client.mutateWith(caller(service("order-service").scopes("inventory.read")))
			.get()
			.uri("/whoami")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ServiceAuthentication order-service [inventory.read]");
	}

	@Test
	void mutatorTokensGoThroughTheDecoder() {
		this.client.mutateWith(caller(delegated("alice", "order-service").token((t) -> t.bad().notYetValid())))
			.get()
			.uri("/whoami")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void noTokenIsUnauthorized() {
		this.client.get().uri("/whoami").exchange().expectStatus().isUnauthorized();
	}

	@Test
	@WithUserCaller(value = "alice", scopes = "orders.read")
	void withUserCaller() {
		this.client.get()
			.uri("/whoami")
			.exchange()
			.expectBody(String.class)
			.isEqualTo("UserAuthentication alice [orders.read]");
	}

	@Test
	@WithDelegatedCaller(user = "alice", actingService = "order-service")
	void withDelegatedCaller() {
		this.client.get()
			.uri("/whoami")
			.exchange()
			.expectBody(String.class)
			.isEqualTo("DelegatedAuthentication alice via order-service []");
	}

	@Test
	void negativeTestsRunThroughWebTestClient() {
		NegativeTests.forEndpoint(HttpMethod.GET, "/api/stock/1")
			.allowing(service("order-service").scopes("inventory.read"))
			.run(this.client);
	}

	@Test
	void negativeTestsNameTheRuleThatNoLongerHolds() {
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/api/no-scope-rule/stock/1")
			.allowing(service("order-service").scopes("inventory.read"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.client))
			.withMessage("GET /api/no-scope-rule/stock/1: 1 of 23 negative cases failed:\n"
					+ "  - scope rule: service 'order-service' without scope 'inventory.read' "
					+ "on GET /api/no-scope-rule/stock/1: expected 403 but was 200");
	}

	@Test
	void negativeTestsWantTheMissingScopeNamed() {
		// Spring Security's own answer to its own denial names no scope.
		NegativeTests stock = NegativeTests.forEndpoint(HttpMethod.GET, "/stock/1")
			.allowing(service("order-service").scopes("inventory.read"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stock.run(this.client))
			.withMessageStartingWith("GET /stock/1: 1 of 23 negative cases failed:\n"
					+ "  - scope rule: service 'order-service' without scope 'inventory.read' on GET /stock/1: "
					+ "expected 403 with WWW-Authenticate: Bearer error=\"insufficient_scope\" with a scope parameter "
					+ "naming 'inventory.read' but was 403 with WWW-Authenticate: Bearer error=\"insufficient_scope\"")
			.withMessageEndingWith("(no scope parameter)");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StockRules {

		@Bean
		SecurityWebFilterChain rules(ServerHttpSecurity http, S2sServerHttpConfigurer s2s) {
			s2s.configure(http);
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/stock/**")
					.access((authentication, context) -> authentication
						.map((caller) -> new AuthorizationDecision(caller instanceof ServiceAuthentication service
								&& service.getServiceId().equals("order-service")
								&& service.hasScope("inventory.read"))))
					.anyExchange()
					.authenticated())
				.build();
		}

	}

}
