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

import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.WithDelegatedCaller;
import dev.s2s.security.test.WithServiceCaller;
import dev.s2s.security.test.WithUserCaller;
import dev.s2s.security.test.assertj.S2sAssertions;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.S2sMockMvc.caller;
import static dev.s2s.security.test.TestCaller.delegated;
import static dev.s2s.security.test.TestCaller.service;
import static dev.s2s.security.test.TestCaller.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link AutoConfigureFakeTokenIssuer} on a {@code @SpringBootTest}, with MockMvc.
 */
@SpringBootTest(classes = ServletFakeIssuerTests.App.class,
		properties = { "s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://login.example.invalid",
				"s2s.security.inbound.issuers[0].jwk-set-uri=https://login.example.invalid/jwks",
				"s2s.security.inbound.issuers[0].delegating-clients=gateway",
				"s2s.security.outbound.token-uri=https://login.example.invalid/token",
				"s2s.security.outbound.client-secret=inventory-secret",
				"s2s.security.outbound.targets.pricing.base-urls=http://127.0.0.1:1",
				"s2s.security.outbound.targets.pricing.audience=pricing-service" })
@AutoConfigureMockMvc
@AutoConfigureFakeTokenIssuer
class ServletFakeIssuerTests {

	@Autowired
	FakeTokenIssuer issuer;

	@Autowired
	MockMvc mockMvc;

	@Test
	void theInjectedIssuerReplacesTheConfiguredOneAndKeepsItsOtherSettings(@Autowired S2sInboundProperties inbound) {
		assertThat(inbound.getIssuers()).singleElement().satisfies((trusted) -> {
			assertThat(trusted.getIssuerUri()).isEqualTo(this.issuer.issuerUri().toString());
			assertThat(trusted.getJwkSetUri()).isNull();
			assertThat(trusted.getDelegatingClients()).containsExactly("gateway");
		});
	}

	@Test
	void serviceTokensComeFromTheIssuerWhichKnowsTheApplicationsClient(@Autowired ServiceTokens tokens)
			throws Exception {
		SignedJWT token = SignedJWT.parse(tokens.getToken("pricing"));
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(this.issuer.issuerUri().toString());
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("inventory-service");
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("pricing-service");
		assertThat(this.issuer.requestCount(Endpoint.TOKEN)).isPositive();
	}

	@Test
	void postProcessorSendsARealServiceToken() throws Exception {
		this.mockMvc.perform(get("/whoami").with(caller(service("order-service").scopes("inventory.read"))))
			.andExpect(status().isOk())
			.andExpect(content().string("ServiceAuthentication order-service [inventory.read]"));
	}

	@Test
	void postProcessorSendsUserAndDelegatedTokens() throws Exception {
		this.mockMvc.perform(get("/whoami").with(caller(user("alice").scopes("orders.read"))))
			.andExpect(content().string("UserAuthentication alice [orders.read]"));
		this.mockMvc.perform(get("/whoami").with(caller(delegated("alice", "order-service"))))
			.andExpect(content().string("DelegatedAuthentication alice via order-service []"));
	}

	@Test
	void postProcessorTokensGoThroughTheDecoder() throws Exception {
		this.mockMvc.perform(get("/whoami").with(caller(service("order-service").token((t) -> t.bad().expired()))))
			.andExpect(status().isUnauthorized());
		this.mockMvc.perform(get("/whoami").with(caller(service("order-service").audience("someone-else"))))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void postProcessorTokensGoThroughTheApplicationsClassification() throws Exception {
		// 'gateway' is a delegating client only in this application's properties.
		this.mockMvc.perform(get("/whoami").with(caller(user("alice").token((t) -> t.clientId("gateway").sign()))))
			.andExpect(content().string("DelegatedAuthentication alice via gateway []"));
	}

	@Test
	void noTokenIsUnauthorized() throws Exception {
		this.mockMvc.perform(get("/whoami")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithServiceCaller(value = "order-service", scopes = { "inventory.read", "inventory.write" })
	void withServiceCaller() throws Exception {
		S2sAssertions.assertThat(SecurityContextHolder.getContext().getAuthentication())
			.isService("order-service")
			.hasScope("inventory.read", "inventory.write");
		this.mockMvc.perform(get("/whoami"))
			.andExpect(content().string("ServiceAuthentication order-service [inventory.read, inventory.write]"));
	}

	@Test
	@WithUserCaller(value = "alice", scopes = "orders.read")
	void withUserCaller() {
		S2sAssertions.assertThat(SecurityContextHolder.getContext().getAuthentication())
			.isUser("alice")
			.hasScope("orders.read");
	}

	@Test
	@WithDelegatedCaller(user = "alice", actingService = "order-service", roles = "support")
	void withDelegatedCaller() {
		S2sAssertions.assertThat(SecurityContextHolder.getContext().getAuthentication())
			.isDelegated("alice")
			.actingService("order-service")
			.hasRole("support");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(WhoAmIController.class)
	static class App {

	}

}
