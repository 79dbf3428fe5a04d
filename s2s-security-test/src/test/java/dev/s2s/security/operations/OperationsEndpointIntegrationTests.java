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
package dev.s2s.security.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.Fault;
import dev.s2s.security.test.FakeTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code s2s} Actuator endpoint, the policy export and the {@code s2s} health
 * contributor, over real HTTP behind the s2s chain, with a real identity-provider outage.
 *
 * @author s2s-security team
 */
abstract class OperationsEndpointIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	static final String SECRET = "s3cret-" + "client-value-42";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ServiceTokens serviceTokens;

	static void properties(DynamicPropertyRegistry registry) {
		issuer.registerClient("inventory-service", SECRET);
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.jwks.cache-time-to-live", () -> "1s");
		registry.add("s2s.security.inbound.jwks.min-refresh-interval", () -> "100ms");
		registry.add("s2s.security.inbound.jwks.outage-tolerance", () -> "4s");
		registry.add("s2s.security.inbound.token-cache.maximum-size", () -> "0");
		registry.add("s2s.security.authorization.service-paths[0].pattern", () -> "/actuator/s2s/**");
		registry.add("s2s.security.authorization.service-paths[0].services", () -> "platform");
		registry.add("s2s.security.authorization.public-paths", () -> "/actuator/health/**");
		registry.add("s2s.security.outbound.token-uri", () -> issuer.tokenUri().toString());
		registry.add("s2s.security.outbound.client-secret", () -> SECRET);
		registry.add("s2s.security.outbound.targets.pricing.base-urls", () -> "http://127.0.0.1:9/pricing");
		registry.add("s2s.security.outbound.targets.pricing.audience", () -> "pricing-service");
		registry.add("s2s.security.outbound.targets.pricing.scopes", () -> "pricing.read");
		registry.add("s2s.security.outbound.targets.billing.base-urls", () -> "http://127.0.0.1:9/billing");
		registry.add("s2s.security.outbound.targets.billing.audience", () -> "billing-service");
		registry.add("management.endpoints.web.exposure.include", () -> "s2s,health");
		registry.add("management.endpoint.health.show-details", () -> "always");
		registry.add("management.endpoint.health.probes.enabled", () -> "true");
		// Spring Data Redis is on this module's test classpath (for the revocation
		// tests),
		// with no Redis running here: keep Boot's Redis indicator out of the aggregate.
		registry.add("management.health.redis.enabled", () -> "false");
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointShowsIssuersPolicyAndTargetsAndNeverATokenOrSecret() throws Exception {
		String outboundToken = this.serviceTokens.getToken("pricing");
		String platform = service("platform");
		HttpResponse<String> response = get("/actuator/s2s", platform);
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		assertThat(body).doesNotContain(outboundToken)
			.doesNotContain(platform)
			.doesNotContain(platform.substring(platform.lastIndexOf('.') + 1))
			.doesNotContain(SECRET)
			.doesNotContain("eyJ");
		Map<String, Object> s2s = json.readValue(body, Map.class);
		assertThat(s2s).containsEntry("serviceId", "inventory-service");
		Map<String, Object> trusted = ((List<Map<String, Object>>) s2s.get("issuers")).get(0);
		assertThat(trusted).containsEntry("issuerUri", issuer.issuerUri().toString())
			.containsEntry("provider", "generic")
			.containsEntry("audiences", List.of("inventory-service"))
			.containsEntry("state", "up")
			.containsKey("lastKeyFetch");
		assertThat((List<String>) trusted.get("keyIds")).contains(issuer.currentKeyId());
		Map<String, Object> policy = (Map<String, Object>) s2s.get("policy");
		assertThat(policy).containsEntry("schemaVersion", 1).containsEntry("service", "inventory-service");
		assertThat((List<Map<String, Object>>) policy.get("endpoints"))
			.anySatisfy((endpoint) -> assertThat(endpoint).containsEntry("patterns", List.of("/stock"))
				.containsEntry("methods", List.of("GET"))
				.containsEntry("access", "callers")
				.containsEntry("callers",
						List.of(Map.of("type", "service", "services", List.of("order-service"), "scopes", List.of(),
								"roles", List.of()))))
			.anySatisfy((endpoint) -> assertThat(endpoint).containsEntry("patterns", List.of("/unannotated"))
				.containsEntry("access", "denied"));
		Map<String, Object> target = ((List<Map<String, Object>>) s2s.get("targets")).get(0);
		assertThat(target).containsEntry("name", "pricing")
			.containsEntry("baseUrls", List.of("http://127.0.0.1:9/pricing"))
			.containsEntry("audience", "pricing-service")
			.containsEntry("scopes", List.of("pricing.read"))
			.containsEntry("identity", "service")
			.containsEntry("state", "up")
			.containsKeys("lastTokenFetch", "tokenUsableUntil");
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointShowsATargetBackingOffAfterTheTokenEndpointFailed() throws Exception {
		issuer.tokenEndpoint().fail(Fault.HTTP_500);
		try {
			assertThat(tokenOrNull("billing")).isNull();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<String, Object> s2s = json.readValue(get("/actuator/s2s", service("platform")).body(), Map.class);
				Map<String, Object> billing = ((List<Map<String, Object>>) s2s.get("targets")).stream()
					.filter((target) -> "billing".equals(target.get("name")))
					.findFirst()
					.orElseThrow();
				assertThat(billing).containsEntry("state", "down");
				assertThat((Map<String, Object>) billing.get("backoff")).containsEntry("consecutiveFailures", 1)
					.containsKey("until");
				assertThat(billing.toString()).doesNotContain(issuer.tokenUri().toString());
			});
		}
		finally {
			issuer.tokenEndpoint().recover();
		}
		// The back-off (at most a second after one failure) passes; the next call
		// succeeds.
		await().atMost(Duration.ofSeconds(10)).until(() -> tokenOrNull("billing") != null);
	}

	private String tokenOrNull(String target) {
		try {
			return this.serviceTokens.getToken(target);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void policyExportIsAVersionedDocumentOfItsOwn() throws Exception {
		HttpResponse<String> response = get("/actuator/s2s/policy", service("platform"));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> policy = json.readValue(response.body(), Map.class);
		assertThat(policy).containsEntry("schemaVersion", 1)
			.containsEntry("service", "inventory-service")
			.containsEntry("unannotatedHandlers", "deny")
			.containsEntry("publicPaths", List.of("/actuator/health/**"));
		assertThat((List<Map<String, Object>>) policy.get("servicePaths")).singleElement()
			.satisfies((path) -> assertThat(path).containsEntry("pattern", "/actuator/s2s/**"));
	}

	@Test
	void endpointIsBehindTheChainAndItsRule() throws Exception {
		assertThat(send(request("/actuator/s2s").build()).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/s2s", service("order-service")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/s2s", issuer.userToken("alice").audience("inventory-service").sign()).statusCode())
			.isEqualTo(403);
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthFollowsAnIdentityProviderOutageWithoutCallingIt() throws Exception {
		String component = "127.0.0.1-" + issuer.issuerUri().getPort();
		assertThat(stock()).isEqualTo(200);
		assertThat(issuerHealth(component)).containsEntry("status", "UP");
		int fetches = issuer.requestCount(Endpoint.JWKS) + issuer.requestCount(Endpoint.DISCOVERY);
		for (int i = 0; i < 5; i++) {
			health();
		}
		assertThat(issuer.requestCount(Endpoint.JWKS) + issuer.requestCount(Endpoint.DISCOVERY)).isEqualTo(fetches);
		int keyFetches = issuer.requestCount(Endpoint.JWKS);
		// Keys fetched just now, so that the outage starts with the whole tolerance
		// ahead.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stock() == 200 && issuer.requestCount(Endpoint.JWKS) > keyFetches);
		issuer.jwksEndpoint().fail(Fault.DOWN);
		issuer.discoveryEndpoint().fail(Fault.DOWN);
		try {
			// The keys expire from the cache; the refetch fails; the last known keys
			// still
			// verify tokens: UP, degraded.
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(stock()).isEqualTo(200);
				assertThat(issuerHealth(component)).containsEntry("status", "UP");
				assertThat((Map<String, Object>) issuerHealth(component).get("details")).containsEntry("degraded",
						true);
			});
			assertThat(overallStatus()).isEqualTo("UP");
			// The outage outlasts the tolerance: callers are refused, DOWN.
			await().atMost(Duration.ofSeconds(20)).until(() -> stock() == 401);
			assertThat(issuerHealth(component)).containsEntry("status", "DOWN");
			assertThat(overallStatus()).isEqualTo("DOWN");
			// The probes never include it: an outage restarts no service.
			HttpResponse<String> liveness = send(request("/actuator/health/liveness").build());
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).doesNotContain("s2s");
		}
		finally {
			issuer.jwksEndpoint().recover();
			issuer.discoveryEndpoint().recover();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> stock() == 200);
		assertThat(issuerHealth(component)).containsEntry("status", "UP")
			.satisfies(
					(health) -> assertThat((Map<String, Object>) health.get("details")).doesNotContainKey("degraded"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> issuerHealth(String component) throws Exception {
		Map<String, Object> s2s = (Map<String, Object>) ((Map<String, Object>) health().get("components")).get("s2s");
		Map<String, Object> issuers = (Map<String, Object>) ((Map<String, Object>) s2s.get("components"))
			.get("issuers");
		return (Map<String, Object>) ((Map<String, Object>) issuers.get("components")).get(component);
	}

	private String overallStatus() throws Exception {
		return (String) health().get("status");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> health() throws Exception {
		HttpResponse<String> response = send(request("/actuator/health").build());
		assertThat(response.statusCode()).isIn(200, 503);
		return json.readValue(response.body(), Map.class);
	}

	private int stock() throws Exception {
		return get("/stock", service("order-service")).statusCode();
	}

	static String service(String id) {
		return issuer.serviceToken(id).audience("inventory-service").sign();
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		return send(request(path).header("Authorization", "Bearer " + token).build());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@Import(InventoryController.class)
	static class Endpoints {

	}

	@RestController
	static class InventoryController {

		@GetMapping("/stock")
		@ServiceCaller("order-service")
		String stock() {
			return "stock";
		}

		@GetMapping("/unannotated")
		String unannotated() {
			return "unannotated";
		}

	}

}
