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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.Fault;
import dev.s2s.security.test.SigningAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link S2sJwtDecoder} with real signed tokens and keys fetched over loopback
 * HTTP from a {@link FakeTokenIssuer}: each check has a token that passes and one that
 * fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class S2sJwtDecoderTests {

	private static final String SERVICE = "inventory-service";

	private FakeTokenIssuer issuer;

	@BeforeEach
	void startIssuer() {
		this.issuer = FakeTokenIssuer.builder()
			.algorithms(SigningAlgorithm.RS256, SigningAlgorithm.ES256, SigningAlgorithm.EDDSA, SigningAlgorithm.PS256)
			.start();
	}

	@AfterEach
	void stopIssuer() {
		this.issuer.close();
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void decodeWhenSignedWithAllowedAlgorithmThenVerified(SigningAlgorithm algorithm) {
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).algorithm(algorithm).sign();
		Jwt jwt = decoder().decode(token);
		assertThat(jwt.getSubject()).isEqualTo("order-service");
		assertThat(jwt.getHeaders()).containsEntry("alg",
				algorithm.name().equals("EDDSA") ? "EdDSA" : algorithm.name());
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void decodeWhenSignedWithAnotherKeyOfTheSameAlgorithmAndKeyIdThenRejected(SigningAlgorithm algorithm) {
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.algorithm(algorithm)
			.bad()
			.signedWithForeignKey();
		assertRejected(decoder(), token, "Invalid signature");
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void decodeWhenSignatureIsAlteredThenRejected(SigningAlgorithm algorithm) {
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).algorithm(algorithm).sign();
		String[] parts = token.split("\\.");
		byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
		signature[signature.length / 2] ^= 1;
		String altered = parts[0] + "." + parts[1] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		assertRejected(decoder(), altered, "Invalid signature");
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void decodeWhenHeaderNamesACriticalExtensionThenRejected(SigningAlgorithm algorithm) {
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.algorithm(algorithm)
			.header("crit", List.of("urn:example:binding"))
			.header("urn:example:binding", "x")
			.sign();
		assertRejected(decoder(), token, "Invalid signature", "critical");
	}

	@Test
	void decodeWhenSignedWithAPublishedWeakRsaKeyThenRejected() {
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).bad().weakRsaKey();
		assertRejected(decoder(), token, "no matching key(s)");
	}

	@Test
	void decodeWhenTheKeyIdNamesAnEcKeyOfAnotherCurveThanTheAlgorithmsThenRejected() throws JOSEException {
		ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").keyUse(KeyUse.SIGNATURE).generate();
		this.issuer.publishKey(p384.toPublicJWK());
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.algorithm(SigningAlgorithm.ES256)
			.header("kid", "p384")
			.sign();
		assertRejected(decoder(), token, "no matching key(s)");
	}

	@Test
	void decodeWhenAlgorithmNotAllowedForIssuerThenRejected() {
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.algorithm(SigningAlgorithm.ES256)
			.sign();
		S2sJwtDecoder decoder = S2sJwtDecoder.builder()
			.issuer(new TrustedIssuer(this.issuer.issuerUri().toString(), null, Set.of(SERVICE),
					Set.of(JWSAlgorithm.RS256)))
			.build();
		assertRejected(decoder, token, "no matching key(s)");
	}

	@ParameterizedTest
	@EnumSource(IdentityProvider.class)
	void decodeWhenAccessTokenOfAnyProviderShapeThenVerified(IdentityProvider provider) {
		String token = this.issuer.serviceToken("order-service").provider(provider).audience(SERVICE).sign();
		assertThat(decoder().decode(token).getAudience()).contains(SERVICE);
	}

	@Test
	void decodeWhenApplicationAtJwtTypeThenVerified() {
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).type("application/at+jwt").sign();
		assertThat(decoder().decode(token)).isNotNull();
	}

	@Test
	void decodeWhenBadTokensThenEachIsRejected() {
		var bad = this.issuer.badTokens(SERVICE);
		S2sJwtDecoder decoder = decoder();
		assertRejected(decoder, bad.expired(), "Jwt expired at");
		assertRejected(decoder, bad.notYetValid(), "Jwt used before");
		assertRejected(decoder, bad.wrongIssuer(), "untrusted issuer");
		assertRejected(decoder, bad.wrongAudience(), "not meant for this service");
		assertRejected(decoder, bad.missingExpiry(), "exp is required");
		assertRejected(decoder, bad.algNone(), "Unsupported algorithm of none");
		assertRejected(decoder, bad.hs256SignedWithPublicKey(), "no matching key(s)");
		assertRejected(decoder, bad.unknownKeyId(), "no matching key(s)");
		assertRejected(decoder, bad.signedWithForeignKey(), "Invalid signature");
		assertRejected(decoder, bad.idTokenShaped(), "ID tokens are not accepted");
		assertRejected(decoder, bad.refreshTokenShaped(), "not an access token");
		assertRejected(decoder, bad.logoutTokenShaped(), "not an access token");
	}

	@Test
	void decodeWhenTokenTypeIsNotAnAccessTokenThenRejected() {
		assertRejected(decoder(), this.issuer.serviceToken("order-service").audience(SERVICE).type("logout+jwt").sign(),
				"not an access token");
		assertRejected(decoder(),
				this.issuer.serviceToken("order-service").audience(SERVICE).claim("token_use", "id").sign(),
				"not an access token");
	}

	@Test
	void decodeWhenIssuedInTheFutureThenRejected() {
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.issuedAt(Instant.now().plusSeconds(120))
			.expiresAt(Instant.now().plusSeconds(300))
			.sign();
		assertRejected(decoder(), token, "issued in the future");
	}

	@Test
	void decodeWhenIssuedLongAgoButStillValidThenVerified() {
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.issuedAt(Instant.now().minus(Duration.ofMinutes(50)))
			.expiresAt(Instant.now().plus(Duration.ofMinutes(10)))
			.sign();
		assertThat(decoder().decode(token)).isNotNull();
	}

	@Test
	void decodeWhenLifetimeExceedsMaximumThenRejected() {
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).lifetime(Duration.ofHours(2)).sign();
		assertThat(decoder().decode(token)).isNotNull();
		assertRejected(builder().maxTokenLifetime(Duration.ofHours(1)).build(), token, "lives longer than");
	}

	@Test
	void decodeWhenExpiredWithinClockSkewThenStillAccepted() {
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.issuedAt(Instant.now().minusSeconds(60))
			.expiresAt(Instant.now().minusSeconds(2))
			.sign();
		assertThat(builder().clockSkew(Duration.ofSeconds(5)).build().decode(token)).isNotNull();
		assertRejected(builder().clockSkew(Duration.ZERO).build(), token, "Jwt expired at");
	}

	@Test
	void decodeWhenAudienceIsAnotherAcceptedValueThenVerified() {
		String token = this.issuer.serviceToken("order-service").audience("api://inventory").sign();
		S2sJwtDecoder decoder = S2sJwtDecoder.builder()
			.issuer(new TrustedIssuer(this.issuer.issuerUri().toString(), null, Set.of(SERVICE, "api://inventory"),
					SignatureAlgorithms.parse(SignatureAlgorithms.DEFAULTS)))
			.build();
		assertThat(decoder.decode(token)).isNotNull();
	}

	@Test
	void decodeWhenTwoIssuersThenEachTokenVerifiesOnlyWithItsOwnIssuersKeys() {
		try (FakeTokenIssuer other = FakeTokenIssuer.builder().issuerPath("/realms/other").start()) {
			S2sJwtDecoder decoder = builder().issuer(TrustedIssuer.of(other.issuerUri().toString(), SERVICE)).build();
			assertThat(decoder.decode(this.issuer.serviceToken("a").audience(SERVICE).sign())).isNotNull();
			assertThat(decoder.decode(other.serviceToken("b").audience(SERVICE).sign())).isNotNull();
			// A token naming the second issuer but signed by the first: the first's keys
			// are never consulted.
			assertRejected(decoder,
					this.issuer.serviceToken("a").audience(SERVICE).claim("iss", other.issuerUri().toString()).sign(),
					"no matching key(s)");
		}
	}

	@Test
	void decodeWhenUntrustedIssuerThenNoRequestIsMadeToIt() {
		try (FakeTokenIssuer stranger = FakeTokenIssuer.start()) {
			assertRejected(decoder(), stranger.serviceToken("a").audience(SERVICE).sign(), "untrusted issuer");
			assertThat(stranger.requests()).isEmpty();
		}
	}

	@Test
	void decodeWhenGarbageOrOversizedInputThenRejected() {
		S2sJwtDecoder decoder = decoder();
		assertRejected(decoder, "not-a-jwt", "not a compact JWS");
		assertRejected(decoder, "a.b.c", "not strict UTF-8 JSON");
		assertRejected(decoder, "eyJhbGciOiJSUzI1NiJ9.e30.", "Malformed token");
		assertRejected(decoder, "x".repeat(S2sJwtDecoder.MAX_TOKEN_LENGTH + 1), "token larger than 16384");
		assertRejected(decoder, "x".repeat(S2sJwtDecoder.MAX_TOKEN_LENGTH), "not a compact JWS");
		assertThat(this.issuer.requestCount(Endpoint.JWKS)).isZero();
	}

	@Test
	void decodeWhenSameTokenAgainThenServedFromCacheWithoutRefetchingKeys() {
		S2sJwtDecoder decoder = decoder();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		Jwt first = decoder.decode(token);
		for (int i = 0; i < 100; i++) {
			assertThat(decoder.decode(token)).isSameAs(first);
		}
		assertThat(decoder.cacheStats().hitCount()).isEqualTo(100);
		assertThat(decoder.cacheStats().missCount()).isEqualTo(1);
	}

	@Test
	void decodeWhenSameTokenArrivesInANewStringThenServedFromCache() {
		S2sJwtDecoder decoder = decoder();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		Jwt first = decoder.decode(token);
		assertThat(decoder.decode(new String(token.toCharArray()))).isSameAs(first);
		assertThat(decoder.cacheStats().hitCount()).isEqualTo(1);
	}

	@Test
	void decodeWhenAnotherPayloadCarriesTheSignatureOfACachedTokenThenRejected() {
		S2sJwtDecoder decoder = decoder();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		decoder.decode(token);
		String other = this.issuer.serviceToken("admin-service").audience(SERVICE).sign();
		String[] parts = token.split("\\.");
		String forged = other.substring(0, other.lastIndexOf('.') + 1) + parts[2];
		assertRejected(decoder, forged, "Invalid signature");
		assertThat(decoder.cacheStats().hitCount()).isZero();
	}

	@Test
	void decodeWhenCachedTokenExpiresThenTimeChecksStillRejectIt() {
		MutableClock clock = new MutableClock(Instant.now());
		S2sJwtDecoder decoder = builder().clock(clock).clockSkew(Duration.ZERO).build();
		String token = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.lifetime(Duration.ofMinutes(5))
			.sign();
		assertThat(decoder.decode(token)).isNotNull();
		clock.advance(Duration.ofMinutes(6));
		assertRejected(decoder, token, "Jwt expired at");
		// Forgotten once found expired: the next time it is not a cache hit.
		assertRejected(decoder, token, "Jwt expired at");
		assertThat(decoder.cacheStats().hitCount()).isEqualTo(1);
	}

	@Test
	void decodeWhenBadTokensComeAgainThenEachIsRefusedForTheSameReason() {
		var bad = this.issuer.badTokens(SERVICE);
		S2sJwtDecoder decoder = decoder();
		for (int i = 0; i < 3; i++) {
			assertRejected(decoder, bad.expired(), "Jwt expired at");
			assertRejected(decoder, bad.wrongAudience(), "not meant for this service");
			assertRejected(decoder, bad.missingExpiry(), "exp is required");
			assertRejected(decoder, bad.signedWithForeignKey(), "Invalid signature");
			assertRejected(decoder, bad.idTokenShaped(), "ID tokens are not accepted");
			assertRejected(decoder, bad.notYetValid(), "Jwt used before");
			assertRejected(decoder, bad.wrongIssuer(), "untrusted issuer");
		}
		assertThat(decoder.cacheStats().hitCount()).isZero();
	}

	@Test
	void decodeWhenARefusedTokenComesAgainWithinAMinuteThenItIsRefusedWithoutCheckingItAgain() {
		MutableClock clock = new MutableClock(Instant.now());
		S2sJwtDecoder decoder = builder().clock(clock).clockSkew(Duration.ZERO).build();
		String token = this.issuer.serviceToken("order-service")
			.audience("billing-service")
			.lifetime(Duration.ofSeconds(30))
			.sign();
		assertRejected(decoder, token, "not meant for this service");
		clock.advance(Duration.ofSeconds(40));
		// Expired now, which a check would say first: the first refusal is remembered.
		assertRejected(decoder, token, "not meant for this service");
		clock.advance(RefusedTokens.REMEMBERED_FOR);
		assertRejected(decoder, token, "Jwt expired at");
	}

	@Test
	void decodeWhenARefusedSignatureComesAgainAfterItsKeyIsRetiredThenTheRefusalIsRemembered() {
		S2sJwtDecoder decoder = builder().jwks(fastJwks()).build();
		String forged = this.issuer.serviceToken("order-service").audience(SERVICE).bad().signedWithForeignKey();
		assertRejected(decoder, forged, "Invalid signature");
		String retired = this.issuer.currentKeyId();
		this.issuer.rotateKey();
		this.issuer.retireKey(retired);
		String current = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(decoder.decode(current)).isNotNull());
		// Checked again, it would name no key (its kid is gone): it is not checked again.
		assertRejected(decoder, forged, "Invalid signature");
	}

	@Test
	void decodeWhenARefusalCanChangeThenTheTokenIsCheckedAgain() {
		MutableClock clock = new MutableClock(Instant.now());
		S2sJwtDecoder decoder = builder().clock(clock).clockSkew(Duration.ZERO).build();
		String notYetValid = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.notBefore(clock.instant().plusSeconds(60))
			.expiresAt(clock.instant().plusSeconds(600))
			.sign();
		String issuedAhead = this.issuer.serviceToken("order-service")
			.audience(SERVICE)
			.issuedAt(clock.instant().plusSeconds(60))
			.expiresAt(clock.instant().plusSeconds(600))
			.sign();
		assertRejected(decoder, notYetValid, "Jwt used before");
		assertRejected(decoder, issuedAhead, "issued in the future");
		clock.advance(Duration.ofSeconds(61));
		assertThat(decoder.decode(notYetValid)).isNotNull();
		assertThat(decoder.decode(issuedAhead)).isNotNull();
	}

	@Test
	void decodeWhenAnApplicationCheckRefusesThenItIsAskedAgainNextTime() {
		AtomicBoolean suspended = new AtomicBoolean(true);
		S2sJwtDecoder decoder = builder().validator((jwt) -> suspended.get()
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "caller suspended", null))
				: OAuth2TokenValidatorResult.success())
			.build();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		assertRejected(decoder, token, "caller suspended");
		suspended.set(false);
		assertThat(decoder.decode(token)).isNotNull();
	}

	@Test
	void decodeWhenCacheDisabledThenEveryTokenIsVerified() {
		S2sJwtDecoder decoder = builder().cacheMaximumSize(0).build();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		decoder.decode(token);
		decoder.decode(token);
		assertThat(decoder.cacheStats().hitCount()).isZero();
	}

	@Test
	void decodeWhenFloodOfUnknownKeyIdsThenKeysAreFetchedAtMostOncePerWindow(CapturedOutput output) {
		S2sJwtDecoder decoder = decoder();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		int fetchesBefore = this.issuer.requestCount(Endpoint.JWKS);
		for (int i = 0; i < 1000; i++) {
			String token = this.issuer.serviceToken("order-service")
				.audience(SERVICE)
				.header("kid", UUID.randomUUID().toString())
				.sign();
			assertRejected(decoder, token, "no matching key(s)", "refetched too recently");
		}
		// The second unknown key id starts the back-off.
		assertThat(this.issuer.requestCount(Endpoint.JWKS) - fetchesBefore).isLessThanOrEqualTo(2);
		// Made-up key ids are bad tokens, not an outage: no warning per token.
		assertThat(output.getAll()).doesNotContain("keys are unavailable");
	}

	@Test
	void decodeWhenFloodOfUnknownKeyIdsLastsSeveralIntervalsThenKeysAreFetchedOncePerInterval() {
		MutableClock clock = new MutableClock(Instant.now());
		Duration interval = Duration.ofSeconds(30);
		S2sJwtDecoder decoder = builder().clock(clock)
			.jwks(new JwksSettings(Duration.ofMinutes(5), interval, Duration.ofHours(1), Duration.ofSeconds(2),
					Duration.ofSeconds(2), 64 * 1024))
			.build();
		String valid = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		decoder.decode(valid);
		int fetches = this.issuer.requestCount(Endpoint.JWKS);
		// One bad token refetches once and holds up nothing; the second unknown key in a
		// row starts the back-off.
		assertThat(flood(decoder, 1)).isEqualTo(fetches + 1);
		for (int window = 1; window <= 3; window++) {
			if (window > 1) {
				clock.advance(interval);
			}
			int expected = fetches + 1 + window;
			// The rate limit under the cache (5 s, on real time) lets one fetch through.
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(flood(decoder, 1)).isEqualTo(expected));
			flood(decoder, 200);
			assertThat(this.issuer.requestCount(Endpoint.JWKS)).isEqualTo(expected);
			// Known keys keep working during the flood.
			assertThat(decoder.decode(valid)).isNotNull();
		}
	}

	@Test
	void decodeWhenAKeyIsPublishedBeforeItsFirstUseThenItsFirstTokenIsAccepted() {
		S2sJwtDecoder decoder = decoder();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		this.issuer.rotateKey();
		assertThat(decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign())).isNotNull();
	}

	@Test
	void decodeWhenAKeyIsPublishedDuringAFloodThenItIsAcceptedOnceTheIntervalEnds() {
		MutableClock clock = new MutableClock(Instant.now());
		// Keys live long enough not to be refetched for expiry meanwhile.
		S2sJwtDecoder decoder = builder().clock(clock)
			.jwks(new JwksSettings(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofHours(1),
					Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024))
			.build();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		int before = this.issuer.requestCount(Endpoint.JWKS);
		// Two fetches that did not bring the key start the back-off (the rate limit under
		// the cache spaces them 100 ms apart, on real time); the clock stands still
		// after.
		await().atMost(Duration.ofSeconds(10)).until(() -> flood(decoder, 1) == before + 2);
		flood(decoder, 20);
		assertThat(this.issuer.requestCount(Endpoint.JWKS)).isEqualTo(before + 2);
		this.issuer.rotateKey();
		String rotated = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		assertRejected(decoder, rotated, "refetched too recently");
		clock.advance(Duration.ofMillis(100));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(decoder.decode(rotated)).isNotNull());
	}

	/** Tokens with made-up key ids; how many key fetches the issuer has served after. */
	private int flood(S2sJwtDecoder decoder, int tokens) {
		for (int i = 0; i < tokens; i++) {
			String token = this.issuer.serviceToken("order-service")
				.audience(SERVICE)
				.header("kid", UUID.randomUUID().toString())
				.sign();
			assertRejected(decoder, token, "no matching key(s)", "refetched too recently");
		}
		return this.issuer.requestCount(Endpoint.JWKS);
	}

	@Test
	void decodeWhenIdentityProviderStaysDownThenOutageIsWarnedOnceNotPerToken(CapturedOutput output) {
		this.issuer.discoveryEndpoint().fail(Fault.HTTP_500);
		S2sJwtDecoder decoder = builder().jwks(fastJwks()).build();
		for (int i = 0; i < 20; i++) {
			assertRejected(decoder, this.issuer.serviceToken("order-service").audience(SERVICE).sign(),
					"keys unavailable", "refetched too recently");
		}
		assertThat(output.getAll().split("keys are unavailable", -1)).hasSize(2);
	}

	@Test
	void decodeWhenKeyIsRotatedThenNewKeyIsFetchedOnItsFirstToken() {
		S2sJwtDecoder decoder = builder().jwks(fastJwks()).build();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		this.issuer.rotateKey();
		String rotated = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		// Verified as soon as the minimum refresh interval allows a fetch.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(decoder.decode(rotated)).isNotNull());
	}

	@Test
	void decodeWhenKeyIsRetiredThenItsTokensAreRejectedOnceKeysAreRefreshed() {
		S2sJwtDecoder decoder = builder().jwks(fastJwks()).cacheMaximumSize(0).build();
		String oldToken = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		String oldKey = this.issuer.currentKeyId();
		assertThat(decoder.decode(oldToken)).isNotNull();
		this.issuer.rotateKey();
		this.issuer.retireKey(oldKey);
		String current = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		// Once the key cache's time to live has passed and the keys were fetched again.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			decoder.decode(current);
			assertRejected(decoder, oldToken, "no matching key(s)");
		});
	}

	@Test
	void decodeWhenKeysEndpointGoesDownThenLastKnownKeysKeepWorking() {
		S2sJwtDecoder decoder = builder().jwks(fastJwks()).build();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		this.issuer.jwksEndpoint().fail(Fault.DOWN);
		int fetches = this.issuer.requestCount(Endpoint.JWKS);
		// Past the key cache's time to live, a refetch fails and the last known keys
		// still verify.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign())).isNotNull();
			assertThat(this.issuer.requestCount(Endpoint.JWKS)).isGreaterThan(fetches);
		});
	}

	@Test
	void decodeWhenIdentityProviderIsDownAtFirstUseThenRejectedAndRecoversWhenItComesBack(CapturedOutput output) {
		this.issuer.discoveryEndpoint().fail(Fault.DOWN);
		this.issuer.jwksEndpoint().fail(Fault.DOWN);
		S2sJwtDecoder decoder = builder().jwks(fastJwks()).build();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
		assertRejected(decoder, token, "keys unavailable");
		this.issuer.discoveryEndpoint().recover();
		this.issuer.jwksEndpoint().recover();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(decoder.decode(token)).isNotNull());
		// The outage warning names the configured issuer (#16), never the key addresses
		// or what they answered.
		assertThat(output).contains("Tokens of the trusted issuer " + this.issuer.issuerUri() + " cannot be verified")
			.doesNotContain(this.issuer.jwksUri().toString())
			.doesNotContain(token);
	}

	@Test
	void decodeWhenKeysEndpointAnswersGarbageOrErrorThenRejectedWithoutDetails(CapturedOutput output) {
		for (Fault fault : new Fault[] { Fault.GARBAGE, Fault.HTTP_500 }) {
			this.issuer.jwksEndpoint().fail(fault);
			S2sJwtDecoder decoder = decoder();
			String token = this.issuer.serviceToken("order-service").audience(SERVICE).sign();
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
				.withMessage("The access token is invalid");
		}
		assertThat(output).doesNotContain(this.issuer.jwksUri().toString());
	}

	@Test
	void decodeWhenKeysEndpointIsTooSlowThenRejectedWithinTimeout() {
		this.issuer.jwksEndpoint().fail(Fault.delay(Duration.ofSeconds(3)));
		S2sJwtDecoder decoder = builder()
			.jwks(new JwksSettings(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofHours(1),
					Duration.ofMillis(200), Duration.ofMillis(200), 64 * 1024))
			.build();
		assertRejected(decoder, this.issuer.serviceToken("order-service").audience(SERVICE).sign(),
				"keys unavailable (SocketTimeoutException) for issuer " + this.issuer.issuerUri());
		assertThat(decoder.issuerStatuses()).singleElement()
			.satisfies((status) -> assertThat(status.getLastRefusal()).isNotNull());
	}

	@Test
	void decodeWhenKeySetIsLargerThanLimitThenRejected() {
		S2sJwtDecoder decoder = builder()
			.jwks(new JwksSettings(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofHours(1),
					Duration.ofSeconds(2), Duration.ofSeconds(2), 100))
			.build();
		assertRejected(decoder, this.issuer.serviceToken("order-service").audience(SERVICE).sign(), "keys unavailable");
	}

	@Test
	void decodeWhenJwkSetUriIsConfiguredThenDiscoveryIsSkipped() {
		S2sJwtDecoder decoder = S2sJwtDecoder.builder()
			.issuer(TrustedIssuer.of(this.issuer.issuerUri().toString(), SERVICE).withJwkSetUri(this.issuer.jwksUri()))
			.build();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		assertThat(this.issuer.requestCount(Endpoint.DISCOVERY)).isZero();
	}

	@Test
	void decodeWhenTheDiscoveryDocumentNamesAnotherIssuerThenItsKeysAreNotUsed() {
		// Trusted as 'https://…/' while the provider calls itself without the slash: the
		// discovery document is found at the same URL but names another issuer.
		String lookalike = this.issuer.issuerUri() + "/";
		S2sJwtDecoder decoder = S2sJwtDecoder.builder().issuer(TrustedIssuer.of(lookalike, SERVICE)).build();
		String token = this.issuer.serviceToken("order-service").audience(SERVICE).claim("iss", lookalike).sign();
		assertRejected(decoder, token, "keys unavailable");
		assertThat(this.issuer.requestCount(Endpoint.DISCOVERY)).isPositive();
		assertThat(this.issuer.requestCount(Endpoint.JWKS)).isZero();
	}

	@Test
	void closeWhenKeysWereRefreshedAheadThenTheRefreshThreadEnds() {
		// Kept 1.2 s, refreshed ahead from 0.9 s on.
		S2sJwtDecoder decoder = builder()
			.jwks(new JwksSettings(Duration.ofMillis(1200), Duration.ofMillis(100), Duration.ofHours(1),
					Duration.ofSeconds(1), Duration.ofSeconds(1), 64 * 1024))
			.build();
		decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			decoder.decode(this.issuer.serviceToken("order-service").audience(SERVICE).sign());
			assertThat(refreshThreads()).isNotEmpty().allSatisfy((thread) -> assertThat(thread.isDaemon()).isTrue());
		});
		decoder.close();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refreshThreads()).isEmpty());
	}

	@Test
	void closeWhenNothingWasFetchedYetThenNothingFails() {
		S2sJwtDecoder decoder = decoder();
		decoder.close();
		assertThat(this.issuer.requests()).isEmpty();
	}

	private List<Thread> refreshThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("s2s-keys-refresh " + this.issuer.issuerUri()))
			.toList();
	}

	private S2sJwtDecoder decoder() {
		return builder().build();
	}

	private S2sJwtDecoder.Builder builder() {
		return S2sJwtDecoder.builder().issuer(TrustedIssuer.of(this.issuer.issuerUri().toString(), SERVICE));
	}

	private static JwksSettings fastJwks() {
		return new JwksSettings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofHours(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1), 64 * 1024);
	}

	/**
	 * Refused with the generic message, for the expected reason (any of them, for loops
	 * where the reason changes once keys were refetched).
	 */
	private static void assertRejected(S2sJwtDecoder decoder, String token, String... reasons) {
		assertThatExceptionOfType(RejectedTokenException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("The access token is invalid")
			.satisfies((ex) -> assertThat(ex.getReason()).containsAnyOf(reasons).doesNotContain(token));
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
