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

import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.test.FakeTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reactive decoder never verifies, nor runs the application's checks, on the calling
 * (event-loop) thread, and answers a cached token without a thread switch.
 */
class ReactiveS2sJwtDecoderTests {

	private static final String SERVICE = "inventory-service";

	private static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@Test
	void aFirstSeenTokenIsVerifiedOffTheCallingThreadAndACachedOneOnIt() {
		ReactiveS2sJwtDecoder decoder = new ReactiveS2sJwtDecoder(builder().build());
		String token = issuer.serviceToken("order-service").audience(SERVICE).sign();
		assertThat(threadOf(decoder.decode(token))).startsWith("boundedElastic-");
		assertThat(threadOf(decoder.decode(token))).isEqualTo(Thread.currentThread().getName());
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

	private static String threadOf(Mono<Jwt> jwt) {
		return jwt.map((verified) -> Thread.currentThread().getName()).block();
	}

	private static S2sJwtDecoder.Builder builder() {
		return S2sJwtDecoder.builder().issuer(TrustedIssuer.of(issuer.issuerUri().toString(), SERVICE));
	}

}
