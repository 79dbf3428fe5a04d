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
package dev.s2s.security.dpop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.s2s.security.test.DPoPKey;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP required, and a replay cache that cannot remember more proofs, over real HTTP on
 * both stacks.
 */
class DPoPRequiredIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void whereDPoPIsRequiredEveryBearerTokenIsRefusedWithADPoPChallenge(WebApplicationType type) throws Exception {
		try (ConfigurableApplicationContext app = start(type, "s2s.security.inbound.dpop.mode=required")) {
			String unbound = issuer.serviceToken("order-service").audience("inventory-service").sign();
			HttpResponse<String> bearer = send(app, "Bearer " + unbound, null);
			DPoPIntegrationTests.assertRefused(bearer, "invalid_token", DPoPBinding.DPOP_REQUIRED);
			HttpResponse<String> none = send(app, null, null);
			assertThat(none.statusCode()).isEqualTo(401);
			assertThat(none.headers().allValues("WWW-Authenticate")).as("no token: how to authenticate")
				.singleElement()
				.satisfies((challenge) -> assertThat(challenge).startsWith("DPoP algs=\"").contains("ES256"));
			DPoPKey key = DPoPKey.generate(SigningAlgorithm.EDDSA);
			String bound = issuer.serviceToken("order-service").audience("inventory-service").boundTo(key).sign();
			assertThat(send(app, "DPoP " + bound, key.proof("GET", uri(app), bound)).statusCode()).isEqualTo(200);
			assertThat(app.getBean(MeterRegistry.class)
				.get("s2s.security.inbound.refusals")
				.tag("reason", "dpop_required")
				.counter()
				.count()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void fullReplayCacheIsA503WithRetryAfterNeverAnAcceptedProof(WebApplicationType type) throws Exception {
		try (ConfigurableApplicationContext app = start(type, "s2s.security.inbound.dpop.mode=accepted",
				"s2s.security.inbound.dpop.replay.maximum-size=3", "s2s.security.inbound.dpop.replay.retry-after=9s")) {
			DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);
			String token = issuer.serviceToken("order-service").audience("inventory-service").boundTo(key).sign();
			for (int i = 0; i < 3; i++) {
				assertThat(send(app, "DPoP " + token, key.proof("GET", uri(app), token)).statusCode()).isEqualTo(200);
			}
			HttpResponse<String> full = send(app, "DPoP " + token, key.proof("GET", uri(app), token));
			assertThat(full.statusCode()).isEqualTo(503);
			assertThat(full.headers().firstValue("Retry-After")).hasValue("9");
			assertThat(full.headers().firstValue("WWW-Authenticate")).isEmpty();
			assertThat(full.body()).doesNotContain("Exception");
			assertThat(app.getBean(MeterRegistry.class)
				.get("s2s.security.inbound.refusals")
				.tag("status", "503")
				.tag("reason", "dpop_replay_unavailable")
				.counter()
				.count()).isEqualTo(1);
			String unbound = issuer.serviceToken("order-service").audience("inventory-service").sign();
			assertThat(send(app, "Bearer " + unbound, null).statusCode()).as("bearer tokens need no proof")
				.isEqualTo(200);
		}
	}

	@ParameterizedTest
	@CsvSource({ "accepted, false", "required, true" })
	void protectedResourceMetadataTellsWithWhichAlgorithmsAndWhetherDPoPIsRequired(String mode, boolean required)
			throws Exception {
		try (ConfigurableApplicationContext app = start(WebApplicationType.SERVLET,
				"s2s.security.inbound.dpop.mode=" + mode, "s2s.security.inbound.dpop.algorithms=EdDSA,ES256")) {
			URI metadata = uri(app).resolve("/.well-known/oauth-protected-resource");
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(metadata).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"dpop_signing_alg_values_supported\":[\"ES256\",\"EdDSA\"]")
				.contains("\"dpop_bound_access_tokens_required\":" + required);
		}
	}

	private static ConfigurableApplicationContext start(WebApplicationType type, String... properties) {
		return new SpringApplicationBuilder(App.class).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri())
			.properties(properties)
			.run();
	}

	private static URI uri(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + "/whoami");
	}

	private HttpResponse<String> send(ConfigurableApplicationContext app, String authorization, String proof)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(app));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (proof != null) {
			request.header("DPoP", proof);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ DPoPIntegrationTests.WhoAmIController.class, SimpleMeterRegistry.class })
	static class App {

	}

}
