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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * s2s-security's keys on Spring Security's own observations of token validation and
 * authorization (one each per request, no parallel observation), and the observation of
 * outbound token fetches, recorded by a {@link TestObservationRegistry}.
 *
 * @author s2s-security team
 */
abstract class ObservationIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private static final String AUTHENTICATIONS = "spring.security.authentications";

	private static final String AUTHORIZATIONS = "spring.security.authorizations";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestObservationRegistry observations;

	@Autowired
	ServiceTokens serviceTokens;

	static void properties(DynamicPropertyRegistry registry) {
		issuer.registerClient("inventory-service", "observed-secret");
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.outbound.token-uri", () -> issuer.tokenUri().toString());
		registry.add("s2s.security.outbound.client-secret", () -> "observed-secret");
		registry.add("s2s.security.outbound.targets.pricing.base-urls", () -> "http://127.0.0.1:9/pricing");
		registry.add("s2s.security.outbound.targets.pricing.audience", () -> "pricing-service");
	}

	@BeforeEach
	void clear() {
		this.observations.clear();
	}

	@Test
	void allowedCallAddsTheCallerToSpringSecuritysObservationsOnce() throws Exception {
		assertThat(get("/stock", service("order-service")).statusCode()).isEqualTo(200);
		assertThat(contexts(AUTHENTICATIONS)).singleElement().satisfies((context) -> {
			assertThat(key(context, "s2s.outcome")).isEqualTo("authenticated");
			assertThat(key(context, "s2s.caller.type")).isEqualTo("service");
			assertThat(key(context, "s2s.caller.id")).isEqualTo("order-service");
		});
		assertThat(contexts(AUTHORIZATIONS)).filteredOn((context) -> key(context, "s2s.reason") != null)
			.singleElement()
			.satisfies((context) -> {
				assertThat(key(context, "s2s.outcome")).isEqualTo("allowed");
				assertThat(key(context, "s2s.reason")).isEqualTo("allowed");
				assertThat(key(context, "s2s.caller.id")).isEqualTo("order-service");
			});
	}

	@Test
	void deniedCallCarriesItsReasonAndOnlyKnownServiceIds() throws Exception {
		assertThat(get("/stock", service("made-up-" + UUID.randomUUID())).statusCode()).isEqualTo(403);
		assertThat(contexts(AUTHORIZATIONS)).filteredOn((context) -> key(context, "s2s.reason") != null)
			.singleElement()
			.satisfies((context) -> {
				assertThat(key(context, "s2s.outcome")).isEqualTo("denied");
				assertThat(key(context, "s2s.reason")).isEqualTo("service_not_listed");
				assertThat(key(context, "s2s.caller.type")).isEqualTo("service");
				assertThat(key(context, "s2s.caller.id")).isEqualTo("other");
			});
	}

	@Test
	void rejectedTokenCarriesItsReason() throws Exception {
		assertThat(get("/stock", issuer.badTokens("inventory-service").expired()).statusCode()).isEqualTo(401);
		assertThat(contexts(AUTHENTICATIONS)).singleElement().satisfies((context) -> {
			assertThat(key(context, "s2s.outcome")).isEqualTo("rejected");
			assertThat(key(context, "s2s.reason")).isEqualTo("invalid_token");
			assertThat(context.getError()).isNotNull();
		});
	}

	@Test
	void outboundTokenFetchIsObserved() {
		this.serviceTokens.getToken("pricing");
		assertThat(contexts(ServiceTokens.OBSERVATION)).singleElement().satisfies((context) -> {
			assertThat(key(context, "s2s.target")).isEqualTo("pricing");
			assertThat(key(context, "s2s.grant")).isEqualTo("client-credentials");
			assertThat(key(context, "s2s.outcome")).isEqualTo("success");
		});
	}

	private List<Observation.Context> contexts(String name) {
		List<Observation.Context> found = new ArrayList<>();
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
				.filter((context) -> name.equals(context.getName()))
				.forEach(found::add));
		return found;
	}

	private static String key(Observation.Context context, String key) {
		KeyValue value = context.getLowCardinalityKeyValue(key);
		return (value != null) ? value.getValue() : null;
	}

	static String service(String id) {
		return issuer.serviceToken(id).audience("inventory-service").sign();
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@Import(StockController.class)
	static class Observed {

		/**
		 * What Boot's observation auto-configuration does with the application's
		 * {@link ObservationFilter} beans.
		 */
		@Bean
		TestObservationRegistry observationRegistry(ObjectProvider<ObservationFilter> filters) {
			TestObservationRegistry registry = TestObservationRegistry.create();
			filters.orderedStream().forEach(registry.observationConfig()::observationFilter);
			return registry;
		}

	}

	@RestController
	static class StockController {

		@GetMapping("/stock")
		@ServiceCaller("order-service")
		String stock() {
			return "stock";
		}

	}

}
