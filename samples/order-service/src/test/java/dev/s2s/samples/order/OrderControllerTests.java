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
package dev.s2s.samples.order;

import dev.s2s.security.test.NegativeTests;
import dev.s2s.security.test.autoconfigure.S2sWebMvcTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.S2sMockMvc.caller;
import static dev.s2s.security.test.TestCaller.service;
import static dev.s2s.security.test.TestCaller.user;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Who may call order-service's API. Inventory is stubbed: its calls are tested in
 * {@link OrderServiceOutboundTests}.
 */
@S2sWebMvcTest(controllers = OrderController.class, properties = "spring.config.name=order-service")
class OrderControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InventoryClient inventory;

	@Test
	void ordersAreForPaymentServiceWithOrderRead() {
		NegativeTests.forEndpoint(HttpMethod.GET, "/api/orders/42")
			.allowing(service("payment-service").scopes("order.read"))
			.run(this.mvc);
	}

	@Test
	void stockForUsersIsForUsersWithOrderRead() throws Exception {
		given(this.inventory.stockForCurrentUser("widget")).willReturn("42 x widget");
		NegativeTests.forEndpoint(HttpMethod.GET, "/api/orders/stock/widget")
			.allowing(user("alice").scopes("order.read"))
			.run(this.mvc);
		this.mvc.perform(get("/api/orders/stock/widget").with(caller(user("alice").scopes("order.read"))))
			.andExpect(content().string("42 x widget"));
	}

}
