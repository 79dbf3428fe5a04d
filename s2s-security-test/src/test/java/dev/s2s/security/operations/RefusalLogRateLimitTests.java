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

import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of bad tokens is counted in full but logged only up to
 * {@code s2s.security.authorization.log.refusals-per-minute}.
 *
 * @author s2s-security team
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = RefusalLogRateLimitTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"s2s.security.authorization.log.refusals-per-minute=3" })
class RefusalLogRateLimitTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
	}

	@Test
	void floodOfBadTokensIsCountedInFullAndLoggedAtMostTheLimitPerMinute(CapturedOutput output) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = issuer.badTokens("inventory-service").expired();
		for (int i = 0; i < 50; i++) {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/stock"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
		}
		assertThat(this.meters.get("s2s.security.inbound.refusals").tag("reason", "invalid_token").counter().count())
			.isEqualTo(50);
		long lines = output.getAll().lines().filter((line) -> line.contains("s2s request refused")).count();
		// 3 a minute; 6 if the loop happened to straddle the start of a new minute.
		assertThat(lines).isBetween(3L, 6L);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(RefusalIntegrationTests.Endpoints.class)
	static class App {

	}

}
