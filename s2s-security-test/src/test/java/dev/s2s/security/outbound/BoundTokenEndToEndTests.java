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

package dev.s2s.security.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.net.ssl.SSLContext;

import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundAutoConfiguration;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole RFC 8705 path over real TLS on loopback. The order service, a plain
 * application of the starter, authenticates to the fake issuer's mutual-TLS token
 * endpoint with its SVID ({@code tls_client_auth}, no secret), gets a token bound to that
 * certificate, and calls the inventory service (this test's Tomcat with inbound mTLS from
 * #20) presenting the same certificate: accepted, proven by both. The same token with
 * another certificate of the same service, or with none, is refused with its reason.
 */
@SpringBootTest(classes = BoundTokenEndToEndTests.Inventory.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class BoundTokenEndToEndTests {

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	static final FakeTokenIssuer issuer = FakeTokenIssuer.builder()
		.mutualTls(ca)
		.start()
		.registerTlsClient("order-service", "spiffe://prod.example.org/ns/shop/sa/order-service");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void inventory(DynamicPropertyRegistry registry) {
		ca.serverCertificate()
			.sslBundleProperties("server", ca)
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("server.ssl.bundle", () -> "server");
		registry.add("server.ssl.client-auth", () -> "want");
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.certificates.trust-domains[0]", () -> "prod.example.org");
	}

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@BeforeEach
	void reset() {
		issuer.reset();
	}

	/** The calling service: the starter's outbound side and nothing else. */
	private ApplicationContextRunner orderService() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class,
					S2sOutboundAutoConfiguration.class, SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					RestTemplateAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=order-service",
					"s2s.security.outbound.token-uri=" + issuer.mutualTlsTokenUri(),
					"s2s.security.outbound.client-authentication-method=tls_client_auth",
					"s2s.security.outbound.ssl-bundle=svid",
					"s2s.security.outbound.targets.inventory-service.base-urls=https://127.0.0.1:" + this.port,
					"s2s.security.outbound.targets.inventory-service.audience=inventory-service",
					"s2s.security.outbound.targets.inventory-service.ssl-bundle=svid")
			.withPropertyValues(TargetClientCertificateTests.properties(order.sslBundleProperties("svid", ca)));
	}

	@Test
	void boundTokenAndTheSameCertificateAreAcceptedOnEveryClient() {
		orderService().run((context) -> {
			String url = "https://127.0.0.1:" + this.port + "/stock";
			assertThat(context.getBean(RestClient.Builder.class).build().get().uri(url).retrieve().body(String.class))
				.isEqualTo("service:order-service proof=token_and_certificate");
			assertThat(context.getBean(WebClient.Builder.class)
				.build()
				.get()
				.uri(url)
				.retrieve()
				.bodyToMono(String.class)
				.block()).isEqualTo("service:order-service proof=token_and_certificate");
			assertThat(issuer.requests(Endpoint.TOKEN)).singleElement()
				.satisfies((request) -> assertThat(request.clientAuthentication()).isEqualTo("tls_client_auth"));
		});
	}

	@Test
	void theBoundTokenWithAnotherCertificateOfTheSameServiceIsRefused() {
		orderService().run((context) -> {
			String token = context.getBean(ServiceTokens.class).getToken("inventory-service");
			assertThat(SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf")).containsEntry("x5t#S256",
					order.thumbprint());
			HttpResponse<String> response = send(ca.svid("ns/shop/sa/order-service").sslContext(ca), token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					(challenge) -> assertThat(challenge).contains("bound to another client certificate"));
		});
	}

	@Test
	void theBoundTokenWithoutACertificateIsRefused() {
		orderService().run((context) -> {
			String token = context.getBean(ServiceTokens.class).getToken("inventory-service");
			HttpResponse<String> response = send(ca.sslContext(), token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("none was presented"));
		});
	}

	@Test
	void rotatedCertificateGetsANewBoundTokenAndIsPresentedToTheTarget() {
		TestCertificate rotated = ca.svid("ns/shop/sa/order-service");
		orderService().run((context) -> {
			String url = "https://127.0.0.1:" + this.port + "/stock";
			RestClient client = context.getBean(RestClient.Builder.class).build();
			assertThat(client.get().uri(url).retrieve().body(String.class))
				.isEqualTo("service:order-service proof=token_and_certificate");
			String before = context.getBean(ServiceTokens.class).getToken("inventory-service");
			context.getBean(SslBundleRegistry.class).updateBundle("svid", rotated.sslBundle(ca));
			// The old token is bound to the old certificate: forgotten at the update, not
			// after the target refused it.
			String after = context.getBean(ServiceTokens.class).getToken("inventory-service");
			assertThat(SignedJWT.parse(before).getJWTClaimsSet().getJSONObjectClaim("cnf")).containsEntry("x5t#S256",
					order.thumbprint());
			assertThat(SignedJWT.parse(after).getJWTClaimsSet().getJSONObjectClaim("cnf")).containsEntry("x5t#S256",
					rotated.thumbprint());
			assertThat(client.get().uri(url).retrieve().body(String.class))
				.isEqualTo("service:order-service proof=token_and_certificate");
			assertThat(issuer.requests(Endpoint.TOKEN)).hasSize(2);
		});
	}

	private HttpResponse<String> send(SSLContext context, String token) throws IOException, InterruptedException {
		return HttpClient.newBuilder()
			.sslContext(context)
			.build()
			.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + this.port + "/stock"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StockController.class)
	static class Inventory {

	}

	@RestController
	@ServiceCaller("order-service")
	static class StockController {

		@GetMapping("/stock")
		String stock(Authentication authentication) {
			CallerAuthentication caller = (CallerAuthentication) authentication;
			return caller.getCallerType().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.getName() + " proof="
					+ caller.getProof().tag();
		}

	}

}
