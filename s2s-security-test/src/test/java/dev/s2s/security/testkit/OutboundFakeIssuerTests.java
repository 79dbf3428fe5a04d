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

import java.util.List;

import dev.s2s.security.authorization.CorrelationId;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.RecordedRequest;
import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.TargetRequest;
import dev.s2s.security.test.TargetResponse;
import dev.s2s.security.test.assertj.S2sAssertions;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFakeTokenIssuer} for an application that calls other services: a
 * real context whose {@code RestClient} calls {@link RecordingTarget}s with tokens from
 * the fake issuer. The whole target is configured by a {@code @DynamicPropertySource},
 * which Spring applies in a customizer of its own: the fake must see it whatever the
 * order of the two.
 */
@SpringBootTest(classes = OutboundFakeIssuerTests.App.class, webEnvironment = WebEnvironment.NONE,
		properties = "s2s.security.service-id=order-service")
@AutoConfigureFakeTokenIssuer
class OutboundFakeIssuerTests {

	@RegisterExtension
	static final RecordingTarget inventory = RecordingTarget.start();

	/** Not a configured target: it must never see a token. */
	@RegisterExtension
	static final RecordingTarget elsewhere = RecordingTarget.start();

	@DynamicPropertySource
	static void inventoryTarget(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.outbound.targets.inventory.base-urls", () -> inventory.baseUrl() + "/inventory");
		registry.add("s2s.security.outbound.targets.inventory.audience", () -> "inventory-service");
		registry.add("s2s.security.outbound.targets.inventory.scopes", () -> "inventory.read,inventory.write");
	}

	@Autowired
	FakeTokenIssuer issuer;

	@Autowired
	RestClient.Builder builder;

	@Autowired
	Environment environment;

	@AfterEach
	void clearMdc() {
		MDC.remove(CorrelationId.MDC_KEY);
	}

	@Test
	void theApplicationsClientIsRegisteredWithAGeneratedSecretAndTheTokenUriPointsAtTheFake() {
		String secret = this.environment.getProperty("s2s.security.outbound.client-secret");
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(this.environment.getProperty("s2s.security.outbound.token-uri"))
			.isEqualTo(this.issuer.tokenUri().toString());
		assertThat(this.environment.getProperty("s2s.security.inbound.issuers[0].issuer-uri"))
			.as("no trusted issuer is switched on")
			.isNull();

		call("/inventory/stock/1");

		S2sAssertions.assertThat(inventory)
			.receivedOne()
			.hasPath("/inventory/stock/1")
			.bearerToken()
			.isSignedBy(this.issuer)
			.hasIssuer(this.issuer.issuerUri().toString())
			.hasSubject("order-service")
			.hasAudience("inventory-service")
			.hasScope("inventory.read", "inventory.write");
		assertThat(this.issuer.requests(Endpoint.TOKEN)).as("the token requests since the context started")
			.isNotEmpty()
			.allSatisfy((request) -> {
				assertThat(request.status()).isEqualTo(200);
				assertThat(request.grantType()).isEqualTo("client_credentials");
				assertThat(request.clientId()).isEqualTo("order-service");
				assertThat(request.clientAuthentication()).isEqualTo("client_secret_basic");
				assertThat(request.audiences()).containsExactly("inventory-service");
				assertThat(request.scope()).isEqualTo("inventory.read inventory.write");
			});
	}

	@Test
	void aTokenTheTargetRefusesIsReplacedByAFreshOne() {
		inventory.respondOnce(TargetResponse.invalidToken()).respond(TargetResponse.json("{\"quantity\":7}"));
		int tokenRequests = this.issuer.requestCount(Endpoint.TOKEN);

		assertThat(call("/inventory/stock/1")).isEqualTo("{\"quantity\":7}");

		List<TargetRequest> requests = inventory.requests();
		assertThat(requests).hasSize(2);
		String refused = requests.get(0).bearerToken();
		String fresh = requests.get(1).bearerToken();
		assertThat(fresh).isNotNull().isNotEqualTo(refused);
		S2sAssertions.assertThatBearerToken(fresh).isSignedBy(this.issuer).hasAudience("inventory-service");
		assertThat(this.issuer.requests(Endpoint.TOKEN))
			.as("token requests: the fresh one, and the first unless cached")
			.hasSizeBetween(1, 2)
			.extracting(RecordedRequest::audiences)
			.containsOnly(List.of("inventory-service"));
	}

	@Test
	void theCorrelationIdOfTheRequestBeingServedGoesAlong() {
		MDC.put(CorrelationId.MDC_KEY, "order-42");

		call("/inventory/stock/1");

		S2sAssertions.assertThat(inventory).receivedOne().hasCorrelationId("order-42");
	}

	@Test
	void urlsOfNoTargetGetNoToken() {
		int tokenRequests = this.issuer.requestCount(Endpoint.TOKEN);
		this.builder.build().get().uri(elsewhere.uri("/inventory/stock/1")).retrieve().toBodilessEntity();
		this.builder.build().get().uri(inventory.uri("/billing")).retrieve().toBodilessEntity();

		S2sAssertions.assertThat(elsewhere).receivedOne().hasNoAuthorization();
		S2sAssertions.assertThat(inventory).receivedOne().hasPath("/billing").hasNoAuthorization();
		assertThat(this.issuer.requestCount(Endpoint.TOKEN)).isEqualTo(tokenRequests);
	}

	private String call(String path) {
		return this.builder.build().get().uri(inventory.uri(path)).retrieve().body(String.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
