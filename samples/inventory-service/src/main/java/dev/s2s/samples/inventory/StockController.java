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

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels, for other services, and for users through a service acting for them.
 *
 * @author s2s-security team
 */
@RestController
class StockController {

	@GetMapping("/api/internal/stock/{sku}")
	String stock(@PathVariable String sku, CallerAuthentication caller) {
		return "42 x " + sku + " for " + caller.getName();
	}

	@GetMapping("/api/for-user/stock/{sku}")
	String stockForUser(@PathVariable String sku, DelegatedAuthentication caller) {
		return "42 x " + sku + " for " + caller.getSubject() + " via " + caller.getActingServiceId();
	}

}
