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

package dev.s2s.security.testkit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.SigningAlgorithm;
import dev.s2s.security.test.TargetRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.s2s.security.test.assertj.S2sAssertions.assertThat;
import static dev.s2s.security.test.assertj.S2sAssertions.assertThatBearerToken;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link dev.s2s.security.test.assertj.RecordingTargetAssert},
 * {@link dev.s2s.security.test.assertj.TargetRequestAssert} and
 * {@link dev.s2s.security.test.assertj.BearerTokenAssert}: what passes and how failures
 * read, on requests that came over HTTP with tokens the fake issuer signed.
 */
class RecordingTargetAssertTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static FakeTokenIssuer issuer;

	@RegisterExtension
	static final RecordingTarget target = RecordingTarget.start();

	@BeforeAll
	static void startIssuer() {
		issuer = FakeTokenIssuer.builder().algorithms(SigningAlgorithm.RS256, SigningAlgorithm.EDDSA).start();
	}

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@Test
	void passesForWhatArrived() throws Exception {
		String token = issuer.serviceToken("order-service")
			.audience("inventory-service", "audit")
			.scopes("inventory.read", "inventory.write")
			.claim("tenant", "eu")
			.sign();
		send("/stock/1?fresh=true", "Bearer " + token, "corr-7");

		assertThat(target).receivedOne()
			.hasMethod("GET")
			.hasPath("/stock/1")
			.hasQuery("fresh=true")
			.hasCorrelationId("corr-7")
			.hasHeader("x-correlation-id", "corr-7")
			.doesNotHaveHeader("Cookie")
			.hasBody("")
			.bearerToken()
			.isEqualTo(token)
			.isSignedBy(issuer)
			.hasIssuer(issuer.issuerUri().toString())
			.hasSubject("order-service")
			.hasAudience("audit", "inventory-service")
			.hasScope("inventory.write")
			.hasClaim("tenant", "eu")
			.hasClaim("exp", (int) claimAsLong(token, "exp"));
		assertThat(target).hasReceived(1).lastRequest().hasPath("/stock/1");
		assertThat(target).request(0).bearerToken().claims().containsEntry("client_id", "order-service");
	}

	@Test
	void aTokenSignedWithAnotherAlgorithmOfTheIssuerVerifies() throws Exception {
		send("/", "Bearer " + issuer.serviceToken("order-service").algorithm(SigningAlgorithm.EDDSA).sign(), null);

		assertThat(target).receivedOne().bearerToken().isSignedBy(issuer);
	}

	@Test
	void namesTheNumberOfRequests() throws Exception {
		assertThat(target).hasReceivedNothing();
		send("/a", null, null);
		send("/b", null, null);

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(target).receivedOne())
			.withMessageContaining("to have received 1 request(s) but it received 2: [GET /a (no bearer token), "
					+ "GET /b (no bearer token)]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(target).request(2))
			.withMessageContaining("a request #2 but it received 2");
		assertThat(target).request(1).hasPath("/b").hasNoAuthorization();
	}

	@Test
	void namesWhatDiffers() throws Exception {
		send("/stock/1", "Basic YTpi", null);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(target).receivedOne().hasPath("/stock/2"))
			.withMessageContaining(
					"Expected path of GET /stock/1 (no bearer token) to be </stock/2> but was </stock/1>");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(target).receivedOne().hasCorrelationId("x"))
			.withMessageContaining("to be <x> but was <null>");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(target).receivedOne().bearerToken())
			.withMessageContaining("its Authorization header is of another scheme");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(target).receivedOne().hasNoAuthorization())
			.withMessageContaining("to carry no Authorization header");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(target).lastRequest().doesNotHaveHeader("authorization"))
			.withMessageContaining("Expected no header 'authorization'");
	}

	@Test
	void namesTheClaimsThatDiffer() {
		String token = issuer.serviceToken("order-service").audience("inventory-service").scopes("a").sign();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatBearerToken(token).hasAudience("payment-service"))
			.withMessageContaining("Expected the token's audience to be [payment-service] but was [inventory-service]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatBearerToken(token).hasScope("a", "b"))
			.withMessageContaining("Expected the token to grant [a, b] but [b] missing from [a]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatBearerToken(token).hasSubject("payment-service"))
			.withMessageContaining("claim 'sub' to be <payment-service> but was <order-service>");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatBearerToken(token).hasClaim("x", 1))
			.withMessageContaining("claim 'x' to be <1> but was <null> (absent)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatBearerToken("opaque").hasSubject("order-service"))
			.withMessageContaining("Expected a signed JWT but the token is not one");
	}

	@Test
	void aTokenOfAnotherIssuerOrARetiredKeyIsNotSignedByTheIssuer() {
		String retired = issuer.serviceToken("order-service").sign();
		try (FakeTokenIssuer other = FakeTokenIssuer.start()) {
			String foreign = other.serviceToken("order-service").header("kid", issuer.currentKeyId()).sign();

			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThatBearerToken(foreign).isSignedBy(issuer))
				.withMessageContaining("the signature does not verify with key '" + issuer.currentKeyId() + "'");
		}
		String old = issuer.currentKeyId();
		issuer.rotateKey();
		issuer.retireKey(old);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatBearerToken(retired).isSignedBy(issuer))
			.withMessageContaining("its JWKS publishes no key with kid '" + old + "'");
	}

	@Test
	void requestsCanBeAssertedOneByOne() throws Exception {
		send("/x", null, null);

		TargetRequest request = target.requests().get(0);
		assertThat(request).hasPath("/x").hasMethod("GET");
		assertThat(new TargetRequest("PUT", "/y", null, Map.of("Content-Type", List.of("text/plain")), "hello"))
			.hasMethod("PUT")
			.hasHeader("content-type", "text/plain")
			.hasBody("hello");
	}

	private static long claimAsLong(String token, String claim) {
		return ((Number) new TargetRequest("GET", "/", null, Map.of("Authorization", List.of("Bearer " + token)), "")
			.tokenClaims()
			.get(claim)).longValue();
	}

	private static void send(String path, String authorization, String correlationId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(path)).timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (correlationId != null) {
			request.header("X-Correlation-Id", correlationId);
		}
		CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
	}

}
