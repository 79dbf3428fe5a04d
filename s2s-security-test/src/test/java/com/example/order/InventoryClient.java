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

package com.example.order;

// Mirrors docs/testing.md, "Testing outbound calls": keep the two in step.

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls inventory-service through Boot's {@code RestClient.Builder}, which s2s-security
 * has taught to attach a token to requests for the target's URLs. Nothing here touches
 * tokens.
 */
@Component
public class InventoryClient {

	private final RestClient restClient;

	InventoryClient(RestClient.Builder builder,
			@Value("${s2s.security.outbound.targets.inventory.base-urls}") String baseUrl) {
		this.restClient = builder.baseUrl(baseUrl).build();
	}

	public String stock(String sku) {
		return this.restClient.get().uri("/stock/{sku}", sku).retrieve().body(String.class);
	}

}
