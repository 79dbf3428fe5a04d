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
package dev.s2s.samples.inventory;

import dev.s2s.security.test.NegativeTests;
import dev.s2s.security.test.WithDelegatedCaller;
import dev.s2s.security.test.WithServiceCaller;
import dev.s2s.security.test.autoconfigure.S2sWebMvcTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.S2sMockMvc.caller;
import static dev.s2s.security.test.TestCaller.delegated;
import static dev.s2s.security.test.TestCaller.service;
import static dev.s2s.security.test.TestCaller.user;
import static dev.s2s.security.test.assertj.S2sAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inventory API's rules, with real tokens through the application's own decoder.
 */
@S2sWebMvcTest(controllers = StockController.class, properties = "spring.config.name=inventory-service")
class StockControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void orderServiceReadsStock() throws Exception {
		this.mvc
			.perform(get("/api/internal/stock/widget").with(caller(service("order-service").scopes("inventory.read"))))
			.andExpect(status().isOk())
			.andExpect(content().string("42 x widget for order-service"));
	}

	@Test
	void internalStockIsOnlyForOrderServiceWithInventoryRead() {
		NegativeTests.forEndpoint(HttpMethod.GET, "/api/internal/stock/widget")
			.allowing(service("order-service").scopes("inventory.read"))
			.run(this.mvc);
	}

	@Test
	void unannotatedEndpointUnderServicePathRefusesUsers() throws Exception {
		this.mvc.perform(get("/api/internal/reorder-report").with(caller(user("alice").scopes("inventory.read"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/internal/reorder-report").with(caller(service("payment-service"))))
			.andExpect(status().isOk());
	}

	@Test
	void forUserStockIsOnlyForOrderServiceActingForAUser() {
		NegativeTests.forEndpoint(HttpMethod.GET, "/api/for-user/stock/widget")
			.allowing(delegated("alice", "order-service").scopes("inventory.read"))
			.run(this.mvc);
	}

	@Test
	void availabilityIsForUsers() {
		NegativeTests.forEndpoint(HttpMethod.GET, "/api/stock/widget")
			.allowing(user("alice").scopes("inventory.read"))
			.run(this.mvc);
	}

	@Test
	@WithDelegatedCaller(user = "alice", actingService = "order-service", scopes = "inventory.read")
	void delegatedCallerSeesTheUserAndTheActingService() throws Exception {
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isDelegated("alice")
			.actingService("order-service");
		this.mvc.perform(get("/api/for-user/stock/widget"))
			.andExpect(content().string("42 x widget for alice via order-service"));
	}

	@Test
	@WithServiceCaller(value = "payment-service", scopes = "inventory.read")
	void paymentServiceIsNotListed() throws Exception {
		this.mvc.perform(get("/api/internal/stock/widget")).andExpect(status().isForbidden());
	}

}
