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
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.test.FakeTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
import static org.awaitility.Awaitility.await;

/**
 * Keys unfit to verify never verify (RFC 8725 section 3, RFC 7517): keys meant for
 * encryption, symmetric keys, and keys published with their private members, which are
 * reported once as a misconfigured key set.
 */
@SpringBootTest(classes = KeyHygieneIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
@ExtendWith(OutputCaptureExtension.class)
class KeyHygieneIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.jwks.min-refresh-interval", () -> "100ms");
	}

	@Test
	void aKeyMeantForEncryptionNeverVerifies() throws Exception {
		RSAKey encryption = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION)
			.algorithm(JWSAlgorithm.RS256)
			.keyID("enc-key")
			.generate();
		issuer.publishKey(encryption);
		String token = resign(validToken(), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("enc-key").build(),
				new RSASSASigner(encryption));
		assertThat(get(token).statusCode()).isEqualTo(401);
	}

	@Test
	void aSymmetricKeyInTheKeySetNeverVerifies() throws Exception {
		OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("oct-key")
			.algorithm(JWSAlgorithm.HS256)
			.generate();
		issuer.publishKey(secret);
		String token = resign(validToken(), new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("oct-key").build(),
				new MACSigner(secret));
		assertThat(get(token).statusCode()).isEqualTo(401);
	}

	@Test
	void keysPublishedWithPrivateMembersAreNeverUsedAndReportedOnce(CapturedOutput output) throws Exception {
		assertThat(get(validToken()).statusCode()).isEqualTo(200);
		issuer.leakPrivateKeys(true);
		try {
			issuer.rotateKey();
			assertThat(get(validToken()).statusCode()).isEqualTo(401);
			issuer.rotateKey();
			// Long enough for the keys to be fetched again, past the refresh interval.
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(get(validToken()).statusCode()).isEqualTo(401));
			assertThat(output.getAll().split("publishes private key material", -1)).hasSize(2);
		}
		finally {
			issuer.leakPrivateKeys(false);
		}
	}

	private static String validToken() {
		return issuer.serviceToken("order-service").audience("inventory-service").sign();
	}

	private static String resign(String token, JWSHeader header, com.nimbusds.jose.JWSSigner signer) throws Exception {
		SignedJWT jwt = new SignedJWT(header, SignedJWT.parse(token).getJWTClaimsSet());
		jwt.sign(signer);
		return jwt.serialize();
	}

	private HttpResponse<String> get(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(InboundIntegrationTests.WhoAmIController.class)
	static class App {

	}

}
