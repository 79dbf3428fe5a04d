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

import dev.s2s.security.test.TestCertificate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged forwarded certificate from a peer that is not a trusted proxy, under a
 * forward-headers strategy that makes the client address say otherwise: the trusted range
 * is {@code 10.0.0.0/8}, the test's requests come from loopback and claim
 * {@code X-Forwarded-For: 10.1.2.3}, which the strategy believes. The TCP peer decides,
 * so the forged header is never read. Each subclass picks the stack and the strategy.
 *
 * @author s2s-security team
 */
abstract class UntrustedPeerIntegrationTests {

	private static final String SPOOFED = "10.1.2.3";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	static void properties(DynamicPropertyRegistry registry, String strategy) {
		registry.add("server.forward-headers-strategy", () -> strategy);
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri",
				() -> ForwardedCertificateIntegrationTests.issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.certificates.trust-domains[0]", () -> "prod.example.org");
		registry.add("s2s.security.inbound.certificates.forwarded.trusted-proxies[0]", () -> "10.0.0.0/8");
		registry.add("s2s.security.authorization.public-paths[0]", () -> "/peer");
	}

	@Test
	void theStrategyBelievesTheSpoofedClientAddress() throws Exception {
		HttpResponse<String> response = send(request("/peer", null).header("X-Forwarded-For", SPOOFED));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(SPOOFED);
	}

	@Test
	void forgedForwardedCertificateAloneAuthenticatesNothing() throws Exception {
		HttpResponse<String> response = send(forged(ForwardedCertificateIntegrationTests.order, null));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(refusals("missing_token")).isPositive();
	}

	@Test
	void forgedForwardedCertificateNeitherChangesNorContradictsAGenuineToken() throws Exception {
		TestCertificate payment = ForwardedCertificateIntegrationTests.ca.svid("ns/shop/sa/payment-service");
		HttpResponse<String> allowed = send(
				forged(payment, ForwardedCertificateIntegrationTests.token("order-service")));
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.body()).isEqualTo("service:order-service proof=token");
		HttpResponse<String> denied = send(forged(ForwardedCertificateIntegrationTests.order,
				ForwardedCertificateIntegrationTests.token("payment-service")));
		assertThat(denied.statusCode()).isEqualTo(403);
	}

	private HttpRequest.Builder forged(TestCertificate certificate, String token) {
		return request("/stock", token).header("X-Forwarded-For", SPOOFED)
			.header("X-Forwarded-Client-Cert", ForwardedCertificatesTests.xfcc(certificate))
			.header("Client-Cert", ForwardedCertificatesTests.clientCert(certificate));
	}

	double refusals(String reason) {
		Counter counter = this.meters.find("s2s.security.inbound.refusals").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
