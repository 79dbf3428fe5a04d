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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The reactive decoder never fetches keys, nor runs the application's checks, on the
 * calling (event-loop) thread; it answers a cached token, and verifies a first-seen token
 * whose key is cached, without a thread switch.
 */
class ReactiveS2sJwtDecoderTests {

	private static final String SERVICE = "inventory-service";

	private static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@Test
	void aTokenWhoseKeysMustBeFetchedIsVerifiedOffTheCallingThread() {
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().build());
		String token = issuer.serviceToken("order-service").audience(SERVICE).sign();
		assertThat(threadOf(decoder.decode(token))).startsWith("boundedElastic-");
	}

	@Test
	void aFirstSeenTokenWhoseKeyIsCachedIsVerifiedOnTheCallingThreadAsIsACachedOne() {
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().build());
		decoder.decode(issuer.serviceToken("order-service").audience(SERVICE).sign()).block();
		String firstSeen = issuer.serviceToken("billing-service").audience(SERVICE).sign();
		assertThat(threadOf(decoder.decode(firstSeen))).isEqualTo(Thread.currentThread().getName());
		assertThat(threadOf(decoder.decode(firstSeen))).isEqualTo(Thread.currentThread().getName());
	}

	@Test
	void aTokenSignedWithAKeyTheCacheLacksIsVerifiedOffTheCallingThread() {
		try (FakeTokenIssuer rotating = FakeTokenIssuer.start()) {
			ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(
					S2sJwtDecoder.builder().issuer(TrustedIssuer.of(rotating.issuerUri().toString(), SERVICE)).build());
			decoder.decode(rotating.serviceToken("order-service").audience(SERVICE).sign()).block();
			int fetches = rotating.requestCount(Endpoint.JWKS);
			rotating.rotateKey();
			String token = rotating.serviceToken("order-service").audience(SERVICE).sign();
			assertThat(threadOf(decoder.decode(token))).startsWith("boundedElastic-");
			assertThat(rotating.requestCount(Endpoint.JWKS)).isEqualTo(fetches + 1);
		}
	}

	@Test
	void keysAboutToExpireAreNotAtHand() {
		// Kept 1.2 s; no longer at hand 0.2 s after they were fetched.
		JwksSettings shortLived = new JwksSettings(Duration.ofMillis(1200), Duration.ofMillis(100), Duration.ofHours(1),
				Duration.ofSeconds(2), Duration.ofSeconds(2), 65536);
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().jwks(shortLived).build());
		decoder.decode(issuer.serviceToken("order-service").audience(SERVICE).sign()).block();
		// The cache's time to live, not a condition, is what is waited for.
		await().pollDelay(Duration.ofMillis(300)).until(() -> true);
		String firstSeen = issuer.serviceToken("billing-service").audience(SERVICE).sign();
		assertThat(threadOf(decoder.decode(firstSeen))).startsWith("boundedElastic-");
	}

	@Test
	void aRefusalOnTheCallingThreadIsAnErrorSignalToo() {
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().build());
		decoder.decode(issuer.serviceToken("order-service").audience(SERVICE).sign()).block();
		Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
		Mono<Jwt> refused = decoder.decode(issuer.serviceToken("order-service")
			.audience(SERVICE)
			.issuedAt(anHourAgo.minus(Duration.ofMinutes(5)))
			.expiresAt(anHourAgo)
			.sign());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(refused::block)
			.satisfies((ex) -> assertThat(((RejectedTokenException) ex).getReason()).contains("expired"));
	}

	@Test
	void applicationChecksRunOffTheCallingThreadOnCachedTokensToo() {
		List<String> threads = new ArrayList<>();
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().validator((jwt) -> {
			threads.add(Thread.currentThread().getName());
			return OAuth2TokenValidatorResult.success();
		}).build());
		String token = issuer.serviceToken("order-service").audience(SERVICE).sign();
		decoder.decode(token).block();
		decoder.decode(token).block();
		assertThat(threads).hasSize(2).allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic-"));
	}

	@Test
	void aRefusalIsAnErrorSignalWithItsReasonNotAThrow() {
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().build());
		String foreign = issuer.serviceToken("order-service").audience("billing-service").sign();
		Mono<Jwt> refused = decoder.decode(foreign);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(refused::block)
			.satisfies((ex) -> assertThat(ex).isInstanceOf(RejectedTokenException.class)
				.extracting((rejected) -> ((RejectedTokenException) rejected).getReason())
				.asString()
				.contains("The token is not meant for this service"));
		Mono<Jwt> tooLarge = decoder.decode("a".repeat(20_000));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(tooLarge::block)
			.satisfies((ex) -> assertThat(((RejectedTokenException) ex).getReason()).contains("token larger than"));
	}

	@Test
	void aTokenRefusedBeforeIsAnErrorSignalWithTheSameReasonAgain() {
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().build());
		String foreign = issuer.serviceToken("order-service").audience("billing-service").sign();
		for (int i = 0; i < 2; i++) {
			Mono<Jwt> refused = decoder.decode(foreign);
			assertThatExceptionOfType(RejectedTokenException.class).isThrownBy(refused::block)
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("The token is not meant for this service"));
		}
	}

	private static String threadOf(Mono<Jwt> jwt) {
		return jwt.map((verified) -> Thread.currentThread().getName()).block();
	}

	private static S2sJwtDecoder.Builder builder() {
		return S2sJwtDecoder.builder().issuer(TrustedIssuer.of(issuer.issuerUri().toString(), SERVICE));
	}

}
