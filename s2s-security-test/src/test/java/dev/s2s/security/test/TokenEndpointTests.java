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
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the token endpoint of {@link FakeTokenIssuer}: {@code client_credentials}
 * with each client authentication, and RFC 8693 token exchange, over real HTTP.
 */
class TokenEndpointTests {

	private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

	private static FakeTokenIssuer issuer;

	private static ECKey paymentKey;

	@BeforeAll
	static void startIssuer() throws JOSEException {
		paymentKey = new ECKeyGenerator(Curve.P_256).keyID("payment-1").generate();
		issuer = FakeTokenIssuer.start()
			.registerClient("order-service", "order-secret")
			.registerClient("payment-service", paymentKey.toPublicJWK());
	}

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@AfterEach
	void reset() {
		issuer.reset();
	}

	@Test
	void clientCredentialsWhenBasicThenTokenForRequestedAudience() throws IOException {
		HttpResponse<String> response = Http
			.postForm(
					issuer.tokenUri(), Http.form("grant_type", "client_credentials", "scope", "inventory.read",
							"audience", "inventory-service"),
					"Authorization", Http.basic("order-service", "order-secret"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, Object> body = Http.json(response);
		assertThat(body).containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 300L)
			.containsEntry("scope", "inventory.read");
		Jwt jwt = Decoders.atJwt(issuer, "inventory-service").decode((String) body.get("access_token"));
		assertThat(jwt.getSubject()).isEqualTo("order-service");
		assertThat(jwt.getClaims()).containsEntry("scope", "inventory.read");
		assertThat(issuer.requests(Endpoint.TOKEN)).singleElement().satisfies((request) -> {
			assertThat(request.grantType()).isEqualTo("client_credentials");
			assertThat(request.clientId()).isEqualTo("order-service");
			assertThat(request.clientAuthentication()).isEqualTo("client_secret_basic");
			assertThat(request.audiences()).containsExactly("inventory-service");
			assertThat(request.scope()).isEqualTo("inventory.read");
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.toString()).doesNotContain("order-secret");
		});
	}

	@Test
	void clientCredentialsWhenDPoPProofThenTokenBoundToItsKey() throws IOException {
		DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);
		HttpResponse<String> response = Http.postForm(issuer.tokenUri(),
				Http.form("grant_type", "client_credentials", "audience", "inventory-service"), "Authorization",
				Http.basic("order-service", "order-secret"), "DPoP", key.proof("POST", issuer.tokenUri(), null));

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = Http.json(response);
		assertThat(body).containsEntry("token_type", "DPoP");
		Jwt jwt = Decoders.atJwt(issuer, "inventory-service").decode((String) body.get("access_token"));
		assertThat(jwt.getClaimAsMap("cnf")).containsEntry("jkt", key.thumbprint());
	}

	@Test
	void clientCredentialsWhenDPoPProofIsForAnotherRequestThenInvalidDPoPProof() throws IOException {
		DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);
		HttpResponse<String> response = Http.postForm(issuer.tokenUri(),
				Http.form("grant_type", "client_credentials", "audience", "inventory-service"), "Authorization",
				Http.basic("order-service", "order-secret"), "DPoP", key.proof("GET", issuer.tokenUri(), null));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response)).containsEntry("error", "invalid_dpop_proof");
	}

	@Test
	void clientCredentialsWhenPostAndResourceThenAudienceIsTheResource() throws IOException {
		HttpResponse<String> response = Http.postForm(issuer.tokenUri(), Http.form("grant_type", "client_credentials",
				"client_id", "order-service", "client_secret", "order-secret", "resource", "https://inventory.local"));

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> claims = Http.claims((String) Http.json(response).get("access_token"));
		assertThat(claims).containsEntry("aud", "https://inventory.local").doesNotContainKey("scope");
		assertThat(issuer.requests().get(0).resources()).containsExactly("https://inventory.local");
	}

	@Test
	void clientCredentialsWhenNoAudienceThenAudienceIsTheClient() throws IOException {
		HttpResponse<String> response = Http.postForm(issuer.tokenUri(), Http.form("grant_type", "client_credentials"),
				"Authorization", Http.basic("order-service", "order-secret"));

		assertThat(Http.claims((String) Http.json(response).get("access_token"))).containsEntry("aud", "order-service");
	}

	@Test
	void clientCredentialsWhenWrongSecretThenInvalidClient() throws IOException {
		HttpResponse<String> basic = Http.postForm(issuer.tokenUri(), Http.form("grant_type", "client_credentials"),
				"Authorization", Http.basic("order-service", "wrong"));
		HttpResponse<String> post = Http.postForm(issuer.tokenUri(), Http.form("grant_type", "client_credentials",
				"client_id", "unknown-service", "client_secret", "order-secret"));

		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((v) -> v.startsWith("Basic"));
		assertThat(Http.json(basic)).containsEntry("error", "invalid_client");
		assertThat(post.statusCode()).isEqualTo(401);
		assertThat(Http.json(post)).containsEntry("error", "invalid_client");
		assertThat(basic.body() + post.body()).doesNotContain("order-secret").doesNotContain("wrong");
	}

	@Test
	void tokenRequestWhenMalformedThenRfc6749Errors() throws IOException {
		String basic = Http.basic("order-service", "order-secret");
		HttpResponse<String> noAuth = Http.postForm(issuer.tokenUri(), Http.form("grant_type", "client_credentials"));
		HttpResponse<String> twoMethods = Http.postForm(issuer.tokenUri(),
				Http.form("grant_type", "client_credentials", "client_secret", "order-secret"), "Authorization", basic);
		HttpResponse<String> password = Http.postForm(issuer.tokenUri(), Http.form("grant_type", "password"),
				"Authorization", basic);
		HttpResponse<String> noGrant = Http.postForm(issuer.tokenUri(), Http.form("scope", "x"), "Authorization",
				basic);
		HttpResponse<String> repeated = Http.postForm(issuer.tokenUri(),
				Http.form("grant_type", "client_credentials", "grant_type", "client_credentials"), "Authorization",
				basic);

		assertThat(noAuth.statusCode()).isEqualTo(401);
		assertThat(Http.json(noAuth)).containsEntry("error", "invalid_client");
		assertThat(Http.json(twoMethods)).containsEntry("error", "invalid_request");
		assertThat(Http.json(password)).containsEntry("error", "unsupported_grant_type");
		assertThat(Http.json(noGrant)).containsEntry("error", "invalid_request");
		assertThat(Http.json(repeated)).containsEntry("error", "invalid_request");
		assertThat(List.of(twoMethods, password, noGrant, repeated))
			.allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(400));
	}

	@Test
	void clientCredentialsWhenPrivateKeyJwtThenTokenIssued() throws Exception {
		HttpResponse<String> response = Http.postForm(issuer.tokenUri(),
				assertionForm(assertion("payment-service", issuer.tokenUri().toString(), UUID.randomUUID().toString()),
						"audience", "ledger-service"));

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt jwt = Decoders.atJwt(issuer, "ledger-service").decode((String) Http.json(response).get("access_token"));
		assertThat(jwt.getSubject()).isEqualTo("payment-service");
		assertThat(issuer.requests().get(0).clientAuthentication()).isEqualTo("private_key_jwt");
		assertThat(issuer.requests().get(0).clientId()).isEqualTo("payment-service");
	}

	@Test
	void clientCredentialsWhenClientAssertionIsBadThenInvalidClient() throws Exception {
		String jti = UUID.randomUUID().toString();
		String valid = assertion("payment-service", issuer.issuerUri().toString(), jti);
		assertThat(Http.postForm(issuer.tokenUri(), assertionForm(valid)).statusCode()).isEqualTo(200);

		ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
		List<String> bad = List.of(valid, // replayed jti
				assertion("payment-service", "https://elsewhere.invalid", UUID.randomUUID().toString()),
				assertion("payment-service", issuer.tokenUri().toString(), null),
				sign(stranger, claims("payment-service", issuer.tokenUri().toString(), "x").build()),
				sign(paymentKey,
						claims("payment-service", issuer.tokenUri().toString(), "y")
							.expirationTime(Date.from(Instant.now().minusSeconds(60)))
							.build()),
				sign(paymentKey, claims("payment-service", issuer.tokenUri().toString(), "z").subject("other").build()),
				sign(paymentKey, claims("order-service", issuer.tokenUri().toString(), "w").build()));

		for (String assertion : bad) {
			HttpResponse<String> response = Http.postForm(issuer.tokenUri(), assertionForm(assertion));
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(Http.json(response)).containsEntry("error", "invalid_client");
		}
	}

	@Test
	void tokenExchangeWhenSubjectIsValidThenDelegatedTokenWithActor() throws IOException {
		String subject = issuer.userToken("alice").audience("order-service").scopes("orders.read").sign();

		HttpResponse<String> response = exchange(subject, "audience", "inventory-service");

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = Http.json(response);
		assertThat(body).containsEntry("issued_token_type", ACCESS_TOKEN).containsEntry("token_type", "Bearer");
		Jwt jwt = Decoders.atJwt(issuer, "inventory-service").decode((String) body.get("access_token"));
		assertThat(jwt.getSubject()).isEqualTo("alice");
		assertThat(jwt.getClaims()).containsEntry("act", Map.of("sub", "order-service"))
			.containsEntry("client_id", "order-service")
			.containsEntry("scope", "orders.read");
		assertThat(issuer.requests().get(0).grantType()).isEqualTo(TOKEN_EXCHANGE);
	}

	@Test
	void tokenExchangeWhenSubjectHasActorThenActorsNest() throws IOException {
		String subject = issuer.delegatedToken("alice", "gateway").audience("order-service").sign();

		HttpResponse<String> response = exchange(subject, "audience", "inventory-service");

		assertThat(Http.claims((String) Http.json(response).get("access_token"))).containsEntry("act",
				Map.of("sub", "order-service", "act", Map.of("sub", "gateway")));
	}

	@Test
	void tokenExchangeWhenSubjectIsForeignOrExpiredThenInvalidGrant() throws IOException {
		try (FakeTokenIssuer other = FakeTokenIssuer.builder().algorithms(SigningAlgorithm.ES256).start()) {
			List<String> subjects = List.of(other.userToken("alice").sign(), issuer.userToken("alice").bad().expired(),
					issuer.userToken("alice").bad().signedWithForeignKey(),
					issuer.userToken("alice").bad().wrongIssuer(), issuer.userToken("alice").bad().algNone(),
					"not-a-jwt");
			for (String subject : subjects) {
				HttpResponse<String> response = exchange(subject, "audience", "inventory-service");
				assertThat(response.statusCode()).isEqualTo(400);
				assertThat(Http.json(response)).containsEntry("error", "invalid_grant");
			}
		}
	}

	@Test
	void tokenEndpointWhenOmitExpiresInThenResponseHasNone() throws IOException {
		try (FakeTokenIssuer silent = FakeTokenIssuer.builder().omitExpiresIn().start()) {
			silent.registerClient("order-service", "order-secret");
			HttpResponse<String> response = Http.postForm(silent.tokenUri(),
					Http.form("grant_type", "client_credentials"), "Authorization",
					Http.basic("order-service", "order-secret"));

			assertThat(Http.json(response)).containsKey("access_token").doesNotContainKey("expires_in");
		}
	}

	@Test
	void requestCountWhen64ConcurrentTokenRequestsThenCountsEveryOne() throws Exception {
		int threads = 64;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<Integer> call = () -> {
					start.await();
					return Http
						.postForm(issuer.tokenUri(), Http.form("grant_type", "client_credentials"), "Authorization",
								Http.basic("order-service", "order-secret"))
						.statusCode();
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(issuer.requestCount(Endpoint.TOKEN)).isEqualTo(threads);
		assertThat(issuer.requests(Endpoint.TOKEN)).allSatisfy((r) -> assertThat(r.status()).isEqualTo(200));
	}

	private static HttpResponse<String> exchange(String subjectToken, String... more) throws IOException {
		List<String> params = new ArrayList<>(List.of("grant_type", TOKEN_EXCHANGE, "subject_token", subjectToken,
				"subject_token_type", ACCESS_TOKEN));
		params.addAll(List.of(more));
		return Http.postForm(issuer.tokenUri(), Http.form(params.toArray(String[]::new)), "Authorization",
				Http.basic("order-service", "order-secret"));
	}

	private static String assertionForm(String assertion, String... more) {
		List<String> params = new ArrayList<>(List.of("grant_type", "client_credentials", "client_assertion_type",
				"urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion));
		params.addAll(List.of(more));
		return Http.form(params.toArray(String[]::new));
	}

	/** What Spring's NimbusJwtClientAuthenticationParametersConverter sends. */
	private static String assertion(String clientId, String audience, String jti) throws JOSEException {
		JWTClaimsSet.Builder claims = claims(clientId, audience, jti);
		return sign(paymentKey, claims.build());
	}

	private static JWTClaimsSet.Builder claims(String clientId, String audience, String jti) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(clientId)
			.subject(clientId)
			.audience(audience)
			.jwtID(jti)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)));
	}

	private static String sign(ECKey key, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

}
