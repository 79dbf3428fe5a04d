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

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels: for order-service, for users, and for users through order-service.
 *
 * @author s2s-security team
 */
@RestController
class StockController {

	/**
	 * Only order-service, calling as itself with {@code inventory.read}.
	 */
	@ServiceCaller(value = "order-service", scopes = "inventory.read")
	@GetMapping("/api/internal/stock/{sku}")
	String stock(@PathVariable String sku, ServiceAuthentication caller) {
		return "42 x " + sku + " for " + caller.getServiceId();
	}

	/**
	 * No annotation: {@code /api/internal/**} is a service-only path in
	 * {@code inventory-service.yml}, so users are still refused.
	 */
	@GetMapping("/api/internal/reorder-report")
	String reorderReport() {
		return "nothing to reorder";
	}

	/**
	 * order-service acting for a user (token exchange); delegated calls are refused
	 * unless an endpoint accepts them like this.
	 */
	@DelegatedCaller(value = "order-service", scopes = "inventory.read")
	@GetMapping("/api/for-user/stock/{sku}")
	String stockForUser(@PathVariable String sku, DelegatedAuthentication caller) {
		return "42 x " + sku + " for " + caller.getUserId() + " via " + caller.getServiceId();
	}

	/**
	 * End users, with {@code inventory.read}.
	 */
	@UserCaller(scopes = "inventory.read")
	@GetMapping("/api/stock/{sku}")
	String availability(@PathVariable String sku) {
		return sku + " is available";
	}

}
