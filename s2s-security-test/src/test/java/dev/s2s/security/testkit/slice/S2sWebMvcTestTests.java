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
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.WithServiceCaller;
import dev.s2s.security.test.autoconfigure.S2sWebMvcTest;
import dev.s2s.security.testkit.WhoAmIController;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.S2sMockMvc.caller;
import static dev.s2s.security.test.TestCaller.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link S2sWebMvcTest}: the controller, s2s-security and an issuer; nothing else.
 */
@S2sWebMvcTest(controllers = WhoAmIController.class, properties = { "s2s.security.service-id=inventory-service",
		"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform" })
class S2sWebMvcTestTests {

	@Autowired
	MockMvc mockMvc;

	@Autowired
	FakeTokenIssuer issuer;

	@Test
	void loadsTheControllerTheSecurityAndTheIssuerOnly(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(WhoAmIController.class)).hasSize(1);
		assertThat(context.getBeansOfType(CallerClassifier.class)).hasSize(1);
		assertThat(context.getBeansOfType(FakeTokenIssuer.class)).containsValue(this.issuer);
		assertThat(context.getBeansOfType(NotAController.class)).isEmpty();
		assertThat(context.getBeansOfType(ServiceTokens.class)).isEmpty();
	}

	@Test
	void aServiceTokenReachesTheController() throws Exception {
		this.mockMvc.perform(get("/whoami").with(caller(service("order-service").scopes("inventory.read"))))
			.andExpect(status().isOk())
			.andExpect(content().string("ServiceAuthentication order-service [inventory.read]"));
	}

	@Test
	void aTokenFromAnotherIssuerIsUnauthorized() throws Exception {
		try (FakeTokenIssuer other = FakeTokenIssuer.start()) {
			this.mockMvc
				.perform(get("/whoami").header("Authorization",
						"Bearer " + other.serviceToken("order-service").audience("inventory-service").sign()))
				.andExpect(status().isUnauthorized());
		}
	}

	@Test
	void noTokenIsUnauthorized() throws Exception {
		this.mockMvc.perform(get("/whoami")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithServiceCaller(value = "order-service", scopes = "inventory.read")
	void withServiceCaller() throws Exception {
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(ServiceAuthentication.class);
		this.mockMvc.perform(get("/whoami"))
			.andExpect(content().string("ServiceAuthentication order-service [inventory.read]"));
	}

}
