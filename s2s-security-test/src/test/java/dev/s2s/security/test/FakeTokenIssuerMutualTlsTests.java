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

package dev.s2s.security.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fake issuer's mutual-TLS token endpoint (RFC 8705) over real TLS: who it
 * authenticates by certificate, what it refuses and why, and the binding of what it
 * issues.
 */
class FakeTokenIssuerMutualTlsTests {

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificateAuthority stranger = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	static final FakeTokenIssuer issuer = FakeTokenIssuer.builder()
		.mutualTls(ca)
		.start()
		.registerTlsClient("order-service", "spiffe://prod.example.org/ns/shop/sa/order-service")
		.registerClient("legacy-service", "legacy-secret");

	@AfterAll
	static void close() {
		issuer.close();
	}

	@Test
	void discoveryNamesTheMutualTlsTokenEndpointAndBoundTokens() throws IOException {
		String body = Http.get(issuer.discoveryUri()).body();
		assertThat(body)
			.contains("\"mtls_endpoint_aliases\":{\"token_endpoint\":\"" + issuer.mutualTlsTokenUri() + "\"}")
			.contains("\"tls_client_certificate_bound_access_tokens\":true")
			.contains("\"tls_client_auth\"", "\"self_signed_tls_client_auth\"");
		assertThat(issuer.mutualTlsTokenUri().getScheme()).isEqualTo("https");
	}

	@Test
	void registeredCertificateGetsABoundToken() throws Exception {
		HttpResponse<String> response = token(order.sslContext(ca), "order-service");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(confirmation(response)).isEqualTo(order.thumbprint());
	}

	@Test
	void noCertificateIsRefusedWithItsReason() throws Exception {
		HttpResponse<String> response = token(ca.sslContext(), "order-service");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client").contains("No client certificate was presented");
	}

	@Test
	void certificateOfAnotherSpiffeIdIsRefused() throws Exception {
		HttpResponse<String> response = token(ca.svid("ns/shop/sa/payment-service").sslContext(ca), "order-service");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("not the registered subject");
	}

	@Test
	void sameSpiffeIdFromAnUntrustedAuthorityIsRefused() throws Exception {
		HttpResponse<String> response = token(stranger.svid("ns/shop/sa/order-service").sslContext(ca),
				"order-service");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("not issued by a trusted authority");
	}

	@Test
	void expiredCertificateIsRefused() throws Exception {
		TestCertificate expired = ca.certificate().spiffeId("ns/shop/sa/order-service").expired().issue();
		HttpResponse<String> response = token(expired.sslContext(ca), "order-service");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("expired or not yet valid");
	}

	@Test
	void certificateWithoutClientAuthUsageIsRefused() throws Exception {
		TestCertificate serverOnly = ca.certificate()
			.spiffeId("ns/shop/sa/order-service")
			.extendedKeyUsage(CertificateDraft.SERVER_AUTH)
			.issue();
		HttpResponse<String> response = token(serverOnly.sslContext(ca), "order-service");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("not issued by a trusted authority");
	}

	@Test
	void selfSignedCertificateMustBeTheRegisteredOne() throws Exception {
		TestCertificate self = ca.certificate().subject("CN=batch-job").selfSigned().issue();
		TestCertificate impostor = ca.certificate().subject("CN=batch-job").selfSigned().issue();
		issuer.registerSelfSignedTlsClient("batch-job", self.certificate());
		HttpResponse<String> accepted = token(self.sslContext(ca), "batch-job");
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(confirmation(accepted)).isEqualTo(self.thumbprint());
		HttpResponse<String> refused = token(impostor.sslContext(ca), "batch-job");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("not the registered one");
	}

	@Test
	void secretClientOverMutualTlsGetsATokenBoundToItsCertificate() throws Exception {
		HttpResponse<String> response = send(order.sslContext(ca), Http.form("grant_type", "client_credentials",
				"client_id", "legacy-service", "client_secret", "legacy-secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(confirmation(response)).isEqualTo(order.thumbprint());
	}

	@Test
	void certificateClientOnThePlainEndpointIsRefused() throws IOException {
		HttpResponse<String> response = Http.postForm(issuer.tokenUri(),
				Http.form("grant_type", "client_credentials", "client_id", "order-service"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("No client certificate was presented");
	}

	@Test
	void mutualTlsTokenUriNeedsTheOption() {
		try (FakeTokenIssuer plain = FakeTokenIssuer.start()) {
			assertThatIllegalStateException().isThrownBy(plain::mutualTlsTokenUri).withMessageContaining("mutualTls");
		}
	}

	private static HttpResponse<String> token(SSLContext context, String clientId) throws IOException {
		return send(context, Http.form("grant_type", "client_credentials", "client_id", clientId));
	}

	private static HttpResponse<String> send(SSLContext context, String form) throws IOException {
		HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer.mutualTlsTokenUri().toString()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static String confirmation(HttpResponse<String> response) throws ParseException {
		String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		return (String) SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf").get("x5t#S256");
	}

}
