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
package dev.s2s.samples.shipping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.net.ssl.SSLContext;

import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.TestCertificateAuthority;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real mTLS: its own {@code shipping-service.yml}, with the SVID files
 * replaced by a test authority's certificates and the issuer by the fake one.
 *
 * @author s2s-security team
 */
@SpringBootTest(classes = ShippingServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=shipping-service", "server.port=0" })
class ShipmentControllerTests {

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ca.serverCertificate()
			.sslBundleProperties("workload", ca)
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		// Inline PEM content: nothing to watch.
		registry.add("spring.ssl.bundle.pem.workload.reload-on-update", () -> "false");
	}

	@Test
	void orderServiceShipsWithItsSvid() throws Exception {
		HttpResponse<String> response = post(ca.svid("ns/shop/sa/order-service").sslContext(ca), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("shipping 42 for order-service (proof: certificate)");
	}

	@Test
	void orderServiceShipsWithItsToken() throws Exception {
		String token = issuer.serviceToken("order-service").audience("shipping-service").sign();
		HttpResponse<String> response = post(ca.sslContext(), token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("shipping 42 for order-service (proof: token)");
	}

	@Test
	void anotherServiceIsForbiddenAndATokenOfAnotherServiceIsRefused() throws Exception {
		assertThat(post(ca.svid("ns/shop/sa/payment-service").sslContext(ca), null).statusCode()).isEqualTo(403);
		String token = issuer.serviceToken("payment-service").audience("shipping-service").sign();
		assertThat(post(ca.svid("ns/shop/sa/order-service").sslContext(ca), token).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> post(SSLContext tls, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.port + "/shipments/42"))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newBuilder()
			.sslContext(tls)
			.build()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
