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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls inventory-service. Nothing here touches tokens: the {@link RestClient.Builder}
 * that Boot provides is customized by s2s-security to attach the right token for each
 * configured target, by URL.
 *
 * @author s2s-security team
 */
@Component
public class InventoryClient {

	private final RestClient asService;

	private final RestClient forUser;

	InventoryClient(RestClient.Builder builder,
			@Value("${s2s.security.outbound.targets.inventory-service.base-urls}") String serviceUrl,
			@Value("${s2s.security.outbound.targets.inventory-for-user.base-urls}") String forUserUrl) {
		this.asService = builder.clone().baseUrl(serviceUrl).build();
		this.forUser = builder.clone().baseUrl(forUserUrl).build();
	}

	/**
	 * Stock of an item, asked as order-service itself.
	 * @param sku the item
	 * @return what inventory-service answered
	 */
	public String stock(String sku) {
		return this.asService.get().uri("/stock/{sku}", sku).retrieve().body(String.class);
	}

	/**
	 * Stock of an item, asked on behalf of the calling user (token exchange).
	 * @param sku the item
	 * @return what inventory-service answered
	 */
	public String stockForCurrentUser(String sku) {
		return this.forUser.get().uri("/stock/{sku}", sku).retrieve().body(String.class);
	}

}
