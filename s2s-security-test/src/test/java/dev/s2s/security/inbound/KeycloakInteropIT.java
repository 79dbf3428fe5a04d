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
package dev.s2s.security.inbound;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.s2s.security.outbound.AudienceParameter;
import dev.s2s.security.outbound.ClientCredentials;
import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with a real Keycloak 26 (the {@code keycloak} Maven profile unpacks it
 * and sets {@code keycloak.home}): tokens obtained by s2s-security's own outbound client
 * and validated by its inbound side, with the Keycloak preset.
 */
@EnabledIfSystemProperty(named = "keycloak.home", matches = ".+")
class KeycloakInteropIT {

	private static KeycloakServer keycloak;

	private static ConfigurableApplicationContext inventory;

	private static ServiceTokens orderService;

	private static URI whoAmI;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")), "/keycloak/platform-realm.json");
		inventory = new SpringApplicationBuilder(App.class)
			.properties("server.address=127.0.0.1", "server.port=0", "spring.main.web-application-type=servlet",
					"s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=" + keycloak.issuerUri("platform"),
					"s2s.security.inbound.issuers[0].provider=keycloak",
					"s2s.security.inbound.issuers[0].delegating-clients=order-service")
			.run();
		int port = ((WebServerApplicationContext) inventory).getWebServer().getPort();
		whoAmI = URI.create("http://127.0.0.1:" + port + "/whoami");
		URI base = URI.create("http://127.0.0.1:" + port);
		orderService = ServiceTokens.builder(ClientCredentials.clientSecretBasic("order-service", () -> "order-secret"))
			.issuerUri(keycloak.issuerUri("platform"))
			.audienceParameter(AudienceParameter.AUDIENCE)
			.target(new OutboundTarget("inventory", List.of(base), "inventory-service", List.of("inventory.read"),
					OutboundTarget.Identity.SERVICE))
			.target(new OutboundTarget("anything", List.of(URI.create("http://127.0.0.1:1")), null, List.of(),
					OutboundTarget.Identity.SERVICE))
			.target(new OutboundTarget("inventory-for-user", List.of(base), "inventory-service",
					List.of("inventory.read"), OutboundTarget.Identity.EXCHANGE))
			.build();
	}

	@AfterAll
	static void stop() {
		if (orderService != null) {
			orderService.close();
		}
		if (inventory != null) {
			inventory.close();
		}
		if (keycloak != null) {
			keycloak.close();
		}
	}

	@Test
	void serviceAccountTokenIsAServiceCallerWithKeycloakPreset() throws Exception {
		HttpResponse<String> response = get(orderService.getToken("inventory"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ServiceAuthentication order-service [inventory.read]");
	}

	@Test
	void serviceTokenWithoutThisServiceAsAudienceIsRejected() throws Exception {
		HttpResponse<String> response = get(orderService.getToken("anything"));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void userTokenIsAUserCaller() throws Exception {
		HttpResponse<String> response = get(aliceToken());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("UserAuthentication ").contains("inventory.read");
	}

	@Test
	void exchangedUserTokenIsADelegatedCallerThroughDelegatingClients() throws Exception {
		// Keycloak's standard token exchange (V2) adds no 'act' claim: 'azp' names the
		// requester.
		String alice = aliceToken();
		Jwt incoming = Jwt.withTokenValue(alice).header("alg", "RS256").claim("sub", "alice").build();
		HttpResponse<String> response = get(orderService.getToken("inventory-for-user", incoming));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("DelegatedAuthentication ").endsWith(" via order-service");
	}

	private String aliceToken() throws Exception {
		String form = "grant_type=password&client_id=web-app&username=alice&password=alice&scope="
				+ URLEncoder.encode("inventory.read", StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(keycloak.tokenUri("platform"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
	}

	private HttpResponse<String> get(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(whoAmI).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(InboundIntegrationTests.WhoAmIController.class)
	static class App {

	}

}
