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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service's calls to inventory-service carry its own token, fetched once from the
 * identity provider (a fake one) and sent only to inventory.
 */
@SpringBootTest(properties = { "spring.config.name=order-service", "ORDER_SERVICE_SECRET=order-secret" })
@AutoConfigureFakeTokenIssuer
class OrderServiceOutboundTests {

	static final List<String> authorizations = new CopyOnWriteArrayList<>();

	static final HttpServer inventory = startInventory();

	@Autowired
	InventoryClient client;

	@Autowired
	FakeTokenIssuer issuer;

	@DynamicPropertySource
	static void inventoryUrl(DynamicPropertyRegistry registry) {
		registry.add("INVENTORY_URL", () -> "http://127.0.0.1:" + inventory.getAddress().getPort());
	}

	@AfterAll
	static void stopInventory() {
		inventory.stop(0);
	}

	@Test
	void callsCarryOneCachedServiceTokenForInventory() throws Exception {
		for (int i = 0; i < 50; i++) {
			assertThat(this.client.stock("widget")).isEqualTo("42");
		}
		assertThat(this.issuer.requestCount(Endpoint.TOKEN)).isEqualTo(1);
		assertThat(authorizations).hasSize(50).allMatch((value) -> value.equals(authorizations.get(0)));
		SignedJWT token = SignedJWT.parse(authorizations.get(0).substring("Bearer ".length()));
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("inventory-service");
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("order-service");
	}

	private static HttpServer startInventory() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/internal/stock/", (exchange) -> {
				authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
				byte[] body = "42".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
