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
package dev.s2s.security.annotation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.web.S2sHttpConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service-only paths and the default for unannotated handlers hold in a filter chain the
 * application writes itself, even one that permits every request:
 * {@link S2sHttpConfigurer} brings them along.
 */
@SpringBootTest(classes = UserChainServicePathIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class UserChainServicePathIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.authorization.service-paths[0].pattern", () -> "/api/internal/**");
		registry.add("s2s.security.authorization.service-paths[0].services", () -> "order-service");
		registry.add("s2s.security.authorization.public-paths", () -> "/open");
	}

	@Test
	void servicePathHoldsInAChainThatPermitsEverything() throws Exception {
		assertThat(get("/api/internal/reindex", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/internal/reindex", issuer.userToken("alice").audience("inventory-service").sign())
			.statusCode()).isEqualTo(403);
		assertThat(
				get("/api/internal/reindex", issuer.serviceToken("order-service").audience("inventory-service").sign())
					.statusCode())
			.isEqualTo(200);
		assertThat(get("/open", null).statusCode()).isEqualTo(200);
	}

	@Test
	void unannotatedHandlerIsDeniedInAChainThatAppliesS2sEvenIfItPermitsEverything() throws Exception {
		assertThat(get("/unannotated", null).statusCode()).isEqualTo(401);
		assertThat(get("/unannotated", issuer.serviceToken("order-service").audience("inventory-service").sign())
			.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

		@Bean
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/internal/reindex")
		String reindex() {
			return "reindex";
		}

		@GetMapping("/open")
		String open() {
			return "open";
		}

		@GetMapping("/unannotated")
		String unannotated() {
			return "unannotated";
		}

	}

}
