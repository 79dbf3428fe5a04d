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

import java.util.Map;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders, for users and for payment-service.
 *
 * @author s2s-security team
 */
@RestController
class OrderController {

	private final InventoryClient inventory;

	OrderController(InventoryClient inventory) {
		this.inventory = inventory;
	}

	/**
	 * An order, for payment-service.
	 */
	@ServiceCaller(value = "payment-service", scopes = "order.read")
	@GetMapping("/api/orders/{id}")
	Map<String, Object> order(@PathVariable String id) {
		return Map.of("id", id, "sku", "widget", "quantity", 2);
	}

	/**
	 * Whether an item is in stock, for the calling user: inventory-service is asked on
	 * the user's behalf, so it sees the user acting through order-service.
	 */
	@UserCaller(scopes = "order.read")
	@GetMapping("/api/orders/stock/{sku}")
	String stockForUser(@PathVariable String sku) {
		return this.inventory.stockForCurrentUser(sku);
	}

}
