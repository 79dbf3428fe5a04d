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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.test.FakeTokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own token checks (revocation across the network, say) may block: on
 * Reactor Netty they never run on an event-loop thread, neither for a first-seen token
 * nor for one from the verified-token cache.
 */
@SpringBootTest(classes = NettyApplicationChecksIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class NettyApplicationChecksIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	@LocalServerPort
	int port;

	@Autowired
	ThreadRecordingCheck check;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
	}

	@Test
	void checksRunOffTheEventLoopForFirstSeenAndCachedTokens() throws Exception {
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/stock"))
			.header("Authorization", "Bearer " + token)
			.build();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		assertThat(this.check.threads).hasSize(3)
			.allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic-").doesNotContain("reactor-http"));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StockController.class)
	static class App {

		@Bean
		NettyReactiveWebServerFactory netty() {
			return new NettyReactiveWebServerFactory();
		}

		@Bean
		ThreadRecordingCheck threadRecordingCheck() {
			return new ThreadRecordingCheck();
		}

	}

	static class ThreadRecordingCheck implements OAuth2TokenValidator<Jwt> {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Override
		public OAuth2TokenValidatorResult validate(Jwt token) {
			this.threads.add(Thread.currentThread().getName());
			return OAuth2TokenValidatorResult.success();
		}

	}

	@RestController
	static class StockController {

		@ServiceCaller("order-service")
		@GetMapping("/stock")
		String stock() {
			return "7";
		}

	}

}
