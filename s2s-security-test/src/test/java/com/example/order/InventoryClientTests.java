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

import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.TargetResponse;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.s2s.security.test.assertj.S2sAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

// The application's own settings, usually in application.yml: the fake replaces the token-uri,
// and the secret, a placeholder that nothing resolves in a test, with a generated one.
@SpringBootTest(properties = { "s2s.security.service-id=order-service",
		"s2s.security.outbound.token-uri=https://idp.example.com/oauth2/token",
		"s2s.security.outbound.client-secret=${ORDER_SERVICE_SECRET}",
		"s2s.security.outbound.targets.inventory.audience=inventory-service",
		"s2s.security.outbound.targets.inventory.scopes=inventory.read" })
@AutoConfigureFakeTokenIssuer
class InventoryClientTests {

	@RegisterExtension
	static final RecordingTarget inventory = RecordingTarget.start();

	@DynamicPropertySource
	static void inventoryIsTheRecordingTarget(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.outbound.targets.inventory.base-urls", inventory::baseUrl);
	}

	@Autowired
	InventoryClient client;

	@Autowired
	FakeTokenIssuer issuer;

	@Test
	void callsInventoryWithAServiceTokenForIt() {
		inventory.respond(TargetResponse.json("{\"sku\":\"A-1\",\"quantity\":7}"));

		assertThat(this.client.stock("A-1")).isEqualTo("{\"sku\":\"A-1\",\"quantity\":7}");

		assertThat(inventory).receivedOne()
			.hasMethod("GET")
			.hasPath("/stock/A-1")
			.bearerToken()
			.isSignedBy(this.issuer)
			.hasSubject("order-service")
			.hasAudience("inventory-service")
			.hasScope("inventory.read");
		assertThat(this.issuer.requests(Endpoint.TOKEN)).singleElement().satisfies((tokenRequest) -> {
			assertThat(tokenRequest.clientId()).isEqualTo("order-service");
			assertThat(tokenRequest.audiences()).containsExactly("inventory-service");
			assertThat(tokenRequest.status()).isEqualTo(200);
		});
	}

	@Test
	void replacesATokenTheTargetRefusesByAFreshOne() {
		inventory.respondOnce(TargetResponse.invalidToken()).respond(TargetResponse.json("{\"quantity\":7}"));

		assertThat(this.client.stock("A-1")).isEqualTo("{\"quantity\":7}");

		assertThat(inventory).hasReceived(2);
		assertThat(inventory.requests().get(1).bearerToken()).isNotEqualTo(inventory.requests().get(0).bearerToken());
	}

}
