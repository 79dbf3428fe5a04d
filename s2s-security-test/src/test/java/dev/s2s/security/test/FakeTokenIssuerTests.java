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
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FakeTokenIssuer}: discovery, JWKS, minted tokens and keys.
 */
class FakeTokenIssuerTests {

	private static FakeTokenIssuer issuer;

	@BeforeAll
	static void startIssuer() {
		issuer = FakeTokenIssuer.start();
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
	void startWhenDefaultsThenUrisAreOnLoopbackUnderTheIssuer() {
		assertThat(issuer.issuerUri().toString()).startsWith("http://127.0.0.1:");
		assertThat(issuer.jwksUri().toString()).startsWith(issuer.issuerUri().toString());
		assertThat(issuer.tokenUri().toString()).startsWith(issuer.issuerUri().toString());
	}

	@Test
	void discoveryWhenFetchedThenDescribesTheIssuer() throws IOException {
		HttpResponse<String> response = Http.get(issuer.discoveryUri());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.json(response)).containsEntry("issuer", issuer.issuerUri().toString())
			.containsEntry("jwks_uri", issuer.jwksUri().toString())
			.containsEntry("token_endpoint", issuer.tokenUri().toString())
			.containsEntry("grant_types_supported",
					List.of("client_credentials", "urn:ietf:params:oauth:grant-type:token-exchange"))
			.containsEntry("token_endpoint_auth_methods_supported",
					List.of("client_secret_basic", "client_secret_post", "private_key_jwt"))
			.containsEntry("id_token_signing_alg_values_supported", List.of("RS256"));
	}

	@Test
	void discoveryWhenRfc8414PathThenServesTheSameMetadata() throws IOException {
		HttpResponse<String> response = Http.get(issuer.issuerUri().resolve("/.well-known/oauth-authorization-server"));

		assertThat(Http.json(response)).containsEntry("issuer", issuer.issuerUri().toString());
	}

	@Test
	void jwksWhenFetchedThenHasOnlyPublicSigningKeys() throws Exception {
		JWKSet jwks = JWKSet.parse(Http.get(issuer.jwksUri()).body());

		assertThat(jwks.getKeys()).singleElement().satisfies((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isEqualTo(issuer.currentKeyId());
			assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
			assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
		});
		assertThat(issuer.requestCount(Endpoint.JWKS)).isOne();
	}

	@Test
	void serviceTokenWhenDecodedBySpringSecurityThenIsValid() {
		String token = issuer.serviceToken("order-service")
			.audience("inventory-service")
			.scopes("inventory.read", "inventory.write")
			.sign();

		Jwt jwt = Decoders.atJwt(issuer, "inventory-service").decode(token);

		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt").containsEntry("kid", issuer.currentKeyId());
		assertThat(jwt.getClaims()).containsEntry("sub", "order-service")
			.containsEntry("client_id", "order-service")
			.containsEntry("scope", "inventory.read inventory.write")
			.containsKeys("jti", "iat", "exp")
			.doesNotContainKey("nbf");
		assertThat(jwt.getAudience()).containsExactly("inventory-service");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void userTokenWhenRolesThenCarriesUserAndApplication() {
		String token = issuer.userToken("alice").audience("inventory-service").roles("admin").sign();

		Jwt jwt = Decoders.atJwt(issuer, "inventory-service").decode(token);

		assertThat(jwt.getSubject()).isEqualTo("alice");
		assertThat(jwt.getClaims()).containsEntry("client_id", "web-app").containsEntry("roles", List.of("admin"));
	}

	@Test
	void delegatedTokenWhenSignedThenActorIsInActClaim() {
		String token = issuer.delegatedToken("alice", "order-service").audience("inventory-service").sign();

		Jwt jwt = Decoders.atJwt(issuer, "inventory-service").decode(token);

		assertThat(jwt.getSubject()).isEqualTo("alice");
		assertThat(jwt.getClaims()).containsEntry("act", Map.of("sub", "order-service"))
			.containsEntry("client_id", "order-service");
	}

	@Test
	void signWhenOverridesThenHeaderAndClaimsFollowThem() {
		Instant issuedAt = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String token = issuer.serviceToken("order-service")
			.audience("inventory-service", "audit-service")
			.issuedAt(issuedAt)
			.lifetime(Duration.ofMinutes(1))
			.notBefore(issuedAt)
			.type("JWT")
			.header("x-test", "yes")
			.claim("tenant", "acme")
			.claim("client_id", null)
			.sign();

		assertThat(Http.header(token)).containsEntry("typ", "JWT").containsEntry("x-test", "yes");
		assertThat(Http.claims(token)).containsEntry("aud", List.of("inventory-service", "audit-service"))
			.containsEntry("iat", issuedAt.getEpochSecond())
			.containsEntry("nbf", issuedAt.getEpochSecond())
			.containsEntry("exp", issuedAt.plusSeconds(60).getEpochSecond())
			.containsEntry("tenant", "acme")
			.doesNotContainKey("client_id");
	}

	@Test
	void signWhenWithoutTypeAndExpiryThenBothAreAbsent() {
		String token = issuer.serviceToken("order-service").withoutType().withoutExpiry().sign();

		assertThat(Http.header(token)).doesNotContainKey("typ");
		assertThat(Http.claims(token)).doesNotContainKey("exp").containsEntry("aud", "order-service");
	}

	@Test
	void signWhenSeveralAlgorithmsThenEachVerifiesAgainstTheJwks() throws Exception {
		try (FakeTokenIssuer multi = FakeTokenIssuer.builder()
			.algorithms(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA, SigningAlgorithm.PS256)
			.start()) {
			JwtDecoder decoder = Decoders.atJwt(multi, "inventory-service");
			String es256 = multi.serviceToken("order-service").audience("inventory-service").sign();
			String ps256 = multi.serviceToken("order-service")
				.audience("inventory-service")
				.algorithm(SigningAlgorithm.PS256)
				.sign();
			String eddsa = multi.serviceToken("order-service")
				.audience("inventory-service")
				.algorithm(SigningAlgorithm.EDDSA)
				.sign();

			assertThat(decoder.decode(es256).getHeaders()).containsEntry("alg", "ES256");
			assertThat(decoder.decode(ps256).getHeaders()).containsEntry("alg", "PS256");
			assertThat(Http.header(eddsa)).containsEntry("alg", "EdDSA");
			assertThat(Decoders.verifyEd25519(multi, eddsa)).isTrue();
			assertThat(multi.publishedKeyIds()).hasSize(3);
		}
	}

	@Test
	void rotateKeyWhenOldKeyRetiredThenOldTokensFailAndNewTokensVerify() throws Exception {
		try (FakeTokenIssuer rotating = FakeTokenIssuer.builder().algorithms(SigningAlgorithm.ES256).start()) {
			String oldKeyId = rotating.currentKeyId();
			String oldToken = rotating.serviceToken("order-service").audience("inventory-service").sign();

			String newKeyId = rotating.rotateKey();

			assertThat(rotating.currentKeyId()).isEqualTo(newKeyId).isNotEqualTo(oldKeyId);
			assertThat(rotating.publishedKeyIds()).containsExactly(oldKeyId, newKeyId);
			String newToken = rotating.serviceToken("order-service").audience("inventory-service").sign();
			assertThat(Http.header(newToken)).containsEntry("kid", newKeyId);
			assertThat(Decoders.atJwt(rotating, "inventory-service").decode(oldToken)).isNotNull();

			rotating.retireKey(oldKeyId);

			JWKSet jwks = JWKSet.parse(Http.get(rotating.jwksUri()).body());
			assertThat(jwks.getKeys()).extracting((key) -> key.getKeyID()).containsExactly(newKeyId);
			JwtDecoder fresh = Decoders.atJwt(rotating, "inventory-service");
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> fresh.decode(oldToken));
			assertThat(fresh.decode(newToken)).isNotNull();
			String signedWithRetired = rotating.serviceToken("order-service").signingKey(oldKeyId).sign();
			assertThat(Http.header(signedWithRetired)).containsEntry("kid", oldKeyId);
		}
	}

	@Test
	void retireKeyWhenUnknownThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> issuer.retireKey("nope"))
			.withMessageContaining("no key with kid 'nope'");
	}

	@Test
	void builderWhenIssuerPathAndClockThenTokensAndDiscoveryFollow() {
		Instant fixed = Instant.parse("2030-01-01T00:00:00Z");
		try (FakeTokenIssuer keycloak = FakeTokenIssuer.builder()
			.issuerPath("/realms/platform")
			.clock(Clock.fixed(fixed, ZoneOffset.UTC))
			.tokenLifetime(Duration.ofMinutes(2))
			.start()) {
			assertThat(keycloak.issuerUri().getPath()).isEqualTo("/realms/platform");
			Map<String, Object> claims = Http.claims(keycloak.serviceToken("order-service").sign());
			assertThat(claims).containsEntry("iss", keycloak.issuerUri().toString())
				.containsEntry("iat", fixed.getEpochSecond())
				.containsEntry("exp", fixed.plusSeconds(120).getEpochSecond());
			// Spring resolves the issuer through discovery and checks it matches.
			JwtDecoder decoder = JwtDecoders.fromIssuerLocation(keycloak.issuerUri().toString());
			assertThat(decoder).isNotNull();
			assertThat(keycloak.requestCount(Endpoint.DISCOVERY)).isOne();
		}
	}

	@Test
	void closeWhenCalledThenPortIsFreed() {
		FakeTokenIssuer shortLived = FakeTokenIssuer.start();
		shortLived.close();

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> Http.get(shortLived.jwksUri()));
	}

	@Test
	void requestsWhenUnknownPathThenLoggedAs404() throws IOException {
		HttpResponse<String> response = Http.get(issuer.issuerUri().resolve("/nope"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(issuer.requests()).singleElement().satisfies((request) -> {
			assertThat(request.endpoint()).isEqualTo(Endpoint.OTHER);
			assertThat(request.path()).isEqualTo("/nope");
			assertThat(request.status()).isEqualTo(404);
		});
	}

}
