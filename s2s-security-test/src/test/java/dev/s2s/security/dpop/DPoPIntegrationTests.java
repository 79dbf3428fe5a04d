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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.test.DPoPKey;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP end to end, the same on every stack: a real application on a loopback port, real
 * tokens from a {@link FakeTokenIssuer} bound to real keys, real proofs, real HTTP. Each
 * refusal is asserted with its reason: the {@code DPoP} challenge's {@code error} and
 * {@code error_description}, and the refusal metric.
 */
abstract class DPoPIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	private final DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	static void dpopProperties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.dpop.mode", () -> "accepted");
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void boundTokenWithItsProofIsAcceptedForEveryAsymmetricAlgorithm(SigningAlgorithm algorithm) throws Exception {
		DPoPKey key = DPoPKey.generate(algorithm);
		String token = boundToken(key);
		HttpResponse<String> response = dpop(token, key.proof("GET", uri(), token));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("order-service");
	}

	@Test
	void replayedProofIsRefusedThoughEverythingElseHolds() throws Exception {
		String token = boundToken(this.key);
		String proof = this.key.proof("GET", uri(), token);
		assertThat(dpop(token, proof).statusCode()).isEqualTo(200);
		assertRefused(dpop(token, proof), "invalid_dpop_proof", "jti claim is invalid or unable to cache.");
		assertThat(dpop(token, this.key.proof("GET", uri(), token)).statusCode()).as("a fresh proof").isEqualTo(200);
		assertThat(refusals("invalid_dpop_proof")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void replayWithTheSignatureReEncodedIsStillRefused() throws Exception {
		String token = boundToken(this.key);
		String proof = this.key.proof("GET", uri(), token);
		assertThat(dpop(token, proof).statusCode()).isEqualTo(200);
		// Same proof, signature written with a trailing base64 pad: same jti, same key.
		assertThat(dpop(token, proof + "=").statusCode()).isEqualTo(401);
	}

	@Test
	void boundTokenSentAsBearerIsRefused() throws Exception {
		String token = boundToken(this.key);
		HttpResponse<String> response = bearer(token);
		assertRefused(response, "invalid_token", DPoPBinding.BOUND_TOKEN_AS_BEARER);
		assertThat(refusals("dpop_required")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void unboundBearerTokenIsStillAcceptedWhenDPoPIsOnlyAccepted() throws Exception {
		assertThat(bearer(issuer.serviceToken("order-service").audience("inventory-service").sign()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void unboundTokenWithAProofIsRefused() throws Exception {
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
		assertRefused(dpop(token, this.key.proof("GET", uri(), token)), "invalid_dpop_proof", "jkt claim is required.");
	}

	@Test
	void proofOfAnotherKeyThanTheTokensIsRefused() throws Exception {
		String token = boundToken(this.key);
		DPoPKey thief = DPoPKey.generate(SigningAlgorithm.ES256);
		assertRefused(dpop(token, thief.proof("GET", uri(), token)), "invalid_dpop_proof", "jkt claim is invalid.");
	}

	@Test
	void proofSignedByAnotherKeyThanItsJwkHeaderIsRefused() throws Exception {
		String token = boundToken(this.key);
		DPoPKey thief = DPoPKey.generate(SigningAlgorithm.ES256);
		String proof = this.key.proofFor("GET", uri()).accessToken(token).signedBy(thief).sign();
		assertRefused(dpop(token, proof), "invalid_dpop_proof", "Signed JWT rejected");
	}

	@Test
	void proofForAnotherMethodOrUriIsRefused() throws Exception {
		String token = boundToken(this.key);
		assertRefused(dpop(token, this.key.proof("POST", uri(), token)), "invalid_dpop_proof", "htm");
		URI other = URI.create("http://127.0.0.1:" + this.port + "/other");
		assertRefused(dpop(token, this.key.proof("GET", other, token)), "invalid_dpop_proof", "htu");
	}

	@Test
	void proofForAnotherTokenOrWithoutAthIsRefused() throws Exception {
		String token = boundToken(this.key);
		String otherToken = boundToken(this.key);
		assertRefused(dpop(token, this.key.proof("GET", uri(), otherToken)), "invalid_dpop_proof",
				"ath claim is invalid.");
		assertRefused(dpop(token, this.key.proof("GET", uri(), null)), "invalid_dpop_proof", "ath claim is required.");
	}

	@Test
	void staleOrFutureProofIsRefused() throws Exception {
		String token = boundToken(this.key);
		String stale = this.key.proofFor("GET", uri())
			.accessToken(token)
			.issuedAt(Instant.now().minusSeconds(120))
			.sign();
		assertRefused(dpop(token, stale), "invalid_dpop_proof", "iat");
		String future = this.key.proofFor("GET", uri())
			.accessToken(token)
			.issuedAt(Instant.now().plusSeconds(120))
			.sign();
		assertRefused(dpop(token, future), "invalid_dpop_proof", "iat");
	}

	@Test
	void proofWithoutItsTypeOrJtiIsRefused() throws Exception {
		String token = boundToken(this.key);
		assertRefused(dpop(token, this.key.proofFor("GET", uri()).accessToken(token).header("typ", "JWT").sign()),
				"invalid_dpop_proof", "typ");
		assertRefused(dpop(token, this.key.proofFor("GET", uri()).accessToken(token).jti(null).sign()),
				"invalid_dpop_proof", "jti claim is required.");
	}

	@Test
	void symmetricProofIsRefused() throws Exception {
		String token = boundToken(this.key);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("dpop+jwt"))
			.jwk(this.key.publicKey())
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID("x")
			.claim("htm", "GET")
			.claim("htu", uri().toString())
			.issueTime(new java.util.Date())
			.claim("ath", DPoPKey.hash(token))
			.build();
		SignedJWT proof = new SignedJWT(header, claims);
		proof.sign(new MACSigner(new byte[32]));
		assertRefused(dpop(token, proof.serialize()), "invalid_dpop_proof", "Unsupported alg");
	}

	@Test
	void dpopSchemeWithoutProofIsAMalformedRequest() throws Exception {
		String token = boundToken(this.key);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri()).header("Authorization", "DPoP " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(400, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_request\""));
		assertThat(response.body()).doesNotContain("Exception");
	}

	/**
	 * 2,000 requests of one client with one key, as 200 requests a second for 10 seconds
	 * would be (every proof of those 10 seconds is remembered at once): Spring's default
	 * cache refuses a key's proofs past 1,000; this one never.
	 */
	@Test
	void busyClientWithOneKeyIsNeverRefused() throws Exception {
		String token = boundToken(this.key);
		int requests = 2_000;
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		List<String> proofs = new ArrayList<>(requests);
		Instant start = Instant.now().minusSeconds(10);
		for (int i = 0; i < requests; i++) {
			// iat spread over 10 seconds, 200 a second, all within the window.
			proofs.add(this.key.proofFor("GET", uri()).accessToken(token).issuedAt(start.plusMillis(i * 5L)).sign());
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (String proof : proofs) {
				sent.add(pool.submit(() -> {
					statuses.merge(dpop(token, proof).statusCode(), 1, Integer::sum);
					return null;
				}));
			}
			for (Future<?> future : sent) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).containsExactly(Map.entry(200, requests));
		assertThat(dpop(token, proofs.get(requests / 2)).statusCode()).as("and each proof is still single-use")
			.isEqualTo(401);
	}

	private double refusals(String reason) {
		return this.meters.get("s2s.security.inbound.refusals").tag("reason", reason).counter().count();
	}

	static void assertRefused(HttpResponse<String> response, String error, String description) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).singleElement().satisfies((challenge) -> {
			assertThat(challenge).startsWith("DPoP ").contains("error=\"" + error + "\"");
			assertThat(challenge)
				.containsPattern("error_description=\"[^\"]*" + java.util.regex.Pattern.quote(description));
			assertThat(challenge).contains("algs=\"");
		});
		assertThat(response.body()).doesNotContain("Exception");
	}

	private String boundToken(DPoPKey key) {
		return issuer.serviceToken("order-service").audience("inventory-service").boundTo(key).sign();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.port + "/whoami");
	}

	HttpResponse<String> dpop(String token, String proof) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(uri()).header("Authorization", "DPoP " + token).header("DPoP", proof).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> bearer(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@RestController
	static class WhoAmIController {

		@GetMapping("/whoami")
		String whoAmI(CallerAuthentication caller) {
			return caller.getName();
		}

	}

}
