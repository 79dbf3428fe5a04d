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
import java.security.Principal;

import dev.s2s.security.test.DPoPKey;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP is s2s-security's only in the chains it configures: a chain the application writes
 * for its own paths never sees a DPoP proof checked (nor refused).
 */
class DPoPChainScopeIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theApplicationsOwnChainIsLeftAlone() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri(),
					"s2s.security.inbound.dpop.mode=required")
			.run()) {
			DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);
			String token = issuer.serviceToken("order-service").audience("inventory-service").boundTo(key).sign();
			String port = Integer.toString(((WebServerApplicationContext) app).getWebServer().getPort());
			HttpResponse<String> own = send("http://127.0.0.1:" + port + "/app/hello", token, "not-a-proof");
			assertThat(own.statusCode()).isEqualTo(200);
			assertThat(own.body()).isEqualTo("anonymous");
			DPoPIntegrationTests.assertRefused(send("http://127.0.0.1:" + port + "/whoami", token, "not-a-proof"),
					"invalid_dpop_proof", "");
		}
	}

	private HttpResponse<String> send(String uri, String token, String proof) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", "DPoP " + token)
			.header("DPoP", proof)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ DPoPIntegrationTests.WhoAmIController.class, HelloController.class, SimpleMeterRegistry.class })
	static class App {

		@Bean
		@Order(1)
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			return http.securityMatcher("/app/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.build();
		}

	}

	@RestController
	static class HelloController {

		@GetMapping("/app/hello")
		String hello(Principal principal) {
			return (principal != null) ? principal.getName() : "anonymous";
		}

	}

}
