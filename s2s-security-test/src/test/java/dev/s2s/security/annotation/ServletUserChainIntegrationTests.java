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

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.s2s.security.test.FakeTokenIssuer;
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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own form-login chain for its pages, beside s2s-security's chain
 * for everything else: each keeps its own requests and settings.
 */
@SpringBootTest(classes = ServletUserChainIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ServletUserChainIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
	}

	@Test
	void apiNeedsATokenBesideTheApplicationsChain() throws Exception {
		HttpResponse<String> response = send(request("/api/stock"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(send(request("/api/stock").header("Authorization",
				"Bearer " + issuer.serviceToken("order-service").audience("inventory-service").sign()))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void theApplicationsChainKeepsItsLoginItsSessionAndItsCsrfProtection() throws Exception {
		HttpResponse<String> page = send(request("/ui/home"));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		// The saved request lives in the application's session, as its chain wants.
		assertThat(page.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID="));
		HttpResponse<String> withoutCsrf = send(request("/login").header("Content-Type", FORM)
			.POST(HttpRequest.BodyPublishers.ofString("username=user&password=password")));
		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
		HttpResponse<String> loginPage = send(request("/login"));
		Matcher csrf = CSRF.matcher(loginPage.body());
		assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
		HttpResponse<String> login = send(request("/login").header("Content-Type", FORM)
			.POST(HttpRequest.BodyPublishers.ofString("username=user&password=password&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
		assertThat(login.statusCode()).isEqualTo(302);
		// A page that names no caller is the application's business, not s2s-security's.
		HttpResponse<String> home = send(request("/ui/home"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).isEqualTo("home");
	}

	@Test
	void aBearerTokenDoesNotOpenTheApplicationsPages() throws Exception {
		HttpResponse<String> page = send(request("/ui/home").header("Authorization",
				"Bearer " + issuer.serviceToken("order-service").audience("inventory-service").sign()));
		assertThat(page.statusCode()).isEqualTo(302);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

		@Bean
		SecurityFilterChain ui(HttpSecurity http) {
			return http.securityMatcher("/ui/**", "/login")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}password").build());
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/stock")
		@ServiceCaller("order-service")
		String stock() {
			return "stock";
		}

		@GetMapping("/ui/home")
		String home() {
			return "home";
		}

	}

}
