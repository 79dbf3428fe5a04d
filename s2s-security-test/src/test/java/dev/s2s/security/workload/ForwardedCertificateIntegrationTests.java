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
package dev.s2s.security.workload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client certificates forwarded by a sidecar, over real HTTP on loopback: the sidecar is
 * this test's client, and loopback is its trusted-proxy range. Each subclass picks the
 * stack, the forward-headers strategy (which must change nothing) and the header.
 *
 * @author s2s-security team
 */
abstract class ForwardedCertificateIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	private static final String REFUSALS = "s2s.security.inbound.refusals";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	static void properties(DynamicPropertyRegistry registry, String strategy, String header) {
		registry.add("server.forward-headers-strategy", () -> strategy);
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.certificates.trust-domains[0]", () -> "prod.example.org");
		registry.add("s2s.security.inbound.certificates.forwarded.trusted-proxies[0]", () -> "127.0.0.1/32");
		registry.add("s2s.security.inbound.certificates.forwarded.trusted-proxies[1]", () -> "::1/128");
		registry.add("s2s.security.inbound.certificates.forwarded.header", () -> header);
	}

	/**
	 * The header the sidecar sends.
	 */
	abstract String header();

	/**
	 * The header's value for a certificate.
	 */
	abstract String forward(TestCertificate certificate);

	/**
	 * Values that cannot be read (400) or are no certificate (401).
	 */
	abstract List<String> garbage();

	@Test
	void forwardedSvidIsAServiceCallerProvenByItsCertificate() throws Exception {
		HttpResponse<String> response = send(request(null).header(header(), forward(order)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service:order-service proof=certificate");
	}

	@Test
	void forwardedSvidAndTheTokenOfItsServiceRecordBothProofs() throws Exception {
		HttpResponse<String> response = send(request(token("order-service")).header(header(), forward(order)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service:order-service proof=token_and_certificate");
	}

	@Test
	void forwardedCertificateContradictingTheTokenIsRefused() throws Exception {
		HttpResponse<String> response = send(
				request(token("order-service")).header(header(), forward(ca.svid("ns/shop/sa/payment-service"))));
		assertRefused(response, 401, "certificate_mismatch");
	}

	@Test
	void boundTokenWithTheForwardedCertificateItIsBoundTo() throws Exception {
		String bound = issuer.serviceToken("order-service")
			.audience("inventory-service")
			.certificateBound(order.certificate())
			.sign();
		assertThat(send(request(bound).header(header(), forward(order))).statusCode()).isEqualTo(200);
		assertRefused(send(request(bound).header(header(), forward(ca.svid("ns/shop/sa/order-service")))), 401,
				"certificate_mismatch");
	}

	@Test
	void forwardedCertificateWithTwoUriSansNeverAuthenticates() throws Exception {
		TestCertificate two = ca.certificate()
			.spiffeId("ns/shop/sa/order-service")
			.spiffeId("ns/shop/sa/payment-service")
			.issue();
		assertRefused(send(request(null).header(header(), forward(two))), 401, "invalid_certificate");
	}

	@Test
	void expiredForwardedCertificateNeverAuthenticates() throws Exception {
		TestCertificate expired = ca.certificate().spiffeId("ns/shop/sa/order-service").expired().issue();
		assertRefused(send(request(null).header(header(), forward(expired))), 401, "invalid_certificate");
	}

	@Test
	void duplicateHeaderLinesAreA400() throws Exception {
		assertRefused(send(request(null).header(header(), forward(order)).header(header(), forward(order))), 400,
				"invalid_request");
	}

	@Test
	void garbageIsA400OrA401NeverA500() throws Exception {
		for (String value : garbage()) {
			HttpResponse<String> response = send(request(token("order-service")).header(header(), value));
			assertThat(response.statusCode()).as(value).isIn(400, 401);
			assertThat(refusals(response.statusCode() == 400 ? "invalid_request" : "invalid_certificate")).isPositive();
		}
	}

	void assertRefused(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(refusals(reason)).isPositive();
	}

	double refusals(String reason) {
		Counter counter = this.meters.find(REFUSALS).tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static String token(String serviceId) {
		return issuer.serviceToken(serviceId).audience("inventory-service").sign();
	}

	HttpRequest.Builder request(String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/stock"));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static List<String> xfccGarbage() {
		return List.of("Cert=\"unterminated", "Cert=%zz", "Cert=not-a-certificate", "Cert=a;Cert=b", ";;",
				"Hash=00;Cert=" + java.net.URLEncoder.encode(ForwardedCertificatesTests.pem(order),
						java.nio.charset.StandardCharsets.UTF_8),
				"Hash=" + ForwardedCertificatesTests.hash(order)
						+ ";URI=spiffe://prod.example.org/ns/shop/sa/order-service");
	}

	static List<String> clientCertGarbage() {
		return List.of("abc", ":not base64!:", ":AQID:", "::", ":" + "A".repeat(4000) + ":");
	}

	@Configuration(proxyBeanMethods = false)
	@Import(StockController.class)
	static class Endpoints {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@RestController
	@ServiceCaller("order-service")
	static class StockController {

		@GetMapping("/stock")
		Mono<String> stock(Authentication authentication) {
			CallerAuthentication caller = (CallerAuthentication) authentication;
			return Mono.just(caller.getCallerType().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.getName()
					+ " proof=" + caller.getProof().tag());
		}

	}

}
