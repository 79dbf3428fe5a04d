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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BadTokens}: each token is bad in the way it says, and only that way.
 */
class BadTokensTests {

	private static FakeTokenIssuer issuer;

	private static JwtDecoder decoder;

	private static BadTokens bad;

	@BeforeAll
	static void startIssuer() {
		issuer = FakeTokenIssuer.start();
		decoder = Decoders.atJwt(issuer, "inventory-service");
		bad = issuer.badTokens("inventory-service");
	}

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@Test
	void baseTokenWhenNotSpoiledThenIsAccepted() {
		assertThat(decoder.decode(issuer.serviceToken("test-client").audience("inventory-service").sign())).isNotNull();
	}

	@Test
	void expiredWhenDecodedThenRejectedForExpiry() {
		String token = bad.expired();

		assertThat(((Number) Http.claims(token).get("exp")).longValue())
			.isLessThan(Instant.now().minusSeconds(300).getEpochSecond());
		assertRejected(token, "expired");
	}

	@Test
	void notYetValidWhenDecodedThenRejectedForNotBefore() {
		String token = bad.notYetValid();

		assertThat(((Number) Http.claims(token).get("nbf")).longValue())
			.isGreaterThan(Instant.now().plusSeconds(300).getEpochSecond());
		assertRejected(token, "used before");
	}

	@Test
	void wrongIssuerWhenDecodedThenRejectedForIssuer() {
		assertThat(Http.claims(bad.wrongIssuer())).containsEntry("iss", "https://wrong-issuer.invalid");
		assertRejected(bad.wrongIssuer(), "iss");
	}

	@Test
	void wrongAudienceWhenDecodedThenRejectedForAudience() {
		assertThat(Http.claims(bad.wrongAudience())).containsEntry("aud", "some-other-service");
		assertRejected(bad.wrongAudience(), "aud");
	}

	@Test
	void missingExpiryWhenInspectedThenHasNoExp() {
		String token = bad.missingExpiry();

		assertThat(Http.claims(token)).doesNotContainKey("exp").containsKey("iat");
		assertRejected(token, "exp");
	}

	@Test
	void algNoneWhenInspectedThenIsUnsecured() {
		String token = bad.algNone();

		assertThat(token).endsWith(".");
		assertThat(token.split("\\.", -1)).hasSize(3).endsWith("");
		assertThat(Http.header(token)).containsEntry("alg", "none");
		assertThat(Http.claims(token)).containsEntry("aud", "inventory-service");
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void hs256SignedWithPublicKeyWhenVerifiedWithPemAsSecretThenSignatureMatches() throws Exception {
		String token = bad.hs256SignedWithPublicKey();
		JWSObject jws = JWSObject.parse(token);
		RSAKey published = JWKSet.parse(Http.get(issuer.jwksUri()).body())
			.getKeyByKeyId(jws.getHeader().getKeyID())
			.toRSAKey();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(published.toPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";

		assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
		assertThat(jws.verify(new MACVerifier(pem.getBytes(StandardCharsets.US_ASCII)))).isTrue();
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void unknownKeyIdWhenDecodedThenNoKeyMatches() {
		String token = bad.unknownKeyId();

		assertThat(Http.header(token).get("kid")).asString().startsWith("unknown-");
		assertThat(issuer.publishedKeyIds()).doesNotContain((String) Http.header(token).get("kid"));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void signedWithForeignKeyWhenDecodedThenSignatureFails() {
		String token = bad.signedWithForeignKey();

		assertThat(Http.header(token)).containsEntry("kid", issuer.currentKeyId());
		assertRejected(token, "signature");
	}

	@Test
	void idTokenShapedWhenDecodedStrictlyThenRejectedForType() {
		String token = bad.idTokenShaped();

		assertThat(Http.header(token)).containsEntry("typ", "JWT");
		assertThat(Http.claims(token)).containsKeys("nonce", "auth_time", "azp")
			.doesNotContainKeys("scope", "client_id");
		assertThat(Decoders.anyType(issuer, "inventory-service").decode(token)).isNotNull();
		assertRejected(token, "typ");
	}

	@Test
	void refreshAndLogoutShapedWhenInspectedThenCarryTheirMarkers() {
		assertThat(Http.claims(bad.refreshTokenShaped())).containsEntry("typ", "Refresh");
		assertThat(Http.header(bad.logoutTokenShaped())).containsEntry("typ", "logout+jwt");
		assertThat(Http.claims(bad.logoutTokenShaped())).containsKeys("sid", "jti")
			.containsEntry("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
		assertRejected(bad.logoutTokenShaped(), "typ");
	}

	@Test
	void badWhenFromUserTokenThenKeepsItsClaims() {
		String token = issuer.userToken("alice").audience("inventory-service").roles("admin").bad().expired();

		assertThat(Http.claims(token)).containsEntry("sub", "alice").containsEntry("roles", java.util.List.of("admin"));
		assertRejected(token, "expired");
	}

	private static void assertRejected(String token, String reason) {
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token))
			.withMessageContaining(reason);
	}

}
