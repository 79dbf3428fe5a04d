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

import dev.s2s.security.annotation.ServiceCaller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock for {@code order-service} with {@code inventory.read}, enforced by s2s-security's
 * caller annotations, and the same endpoint with one of its rules removed, on the servlet
 * and the reactive stack.
 */
@RestController
public class RulesController {

	@ServiceCaller(value = "order-service", scopes = "inventory.read")
	@GetMapping({ "/api/stock/{id}", "/bare/stock/{id}", "/silent/stock/{id}" })
	String stock(@PathVariable String id) {
		return "stock " + id;
	}

	/**
	 * The scope rule removed: any token of order-service gets in.
	 */
	@ServiceCaller("order-service")
	@GetMapping("/api/no-scope-rule/stock/{id}")
	String withoutScopeRule(@PathVariable String id) {
		return "stock " + id;
	}

	/**
	 * The caller rule removed: any service with inventory.read gets in.
	 */
	@ServiceCaller(scopes = "inventory.read")
	@GetMapping("/api/no-caller-rule/stock/{id}")
	String withoutCallerRule(@PathVariable String id) {
		return "stock " + id;
	}

}
