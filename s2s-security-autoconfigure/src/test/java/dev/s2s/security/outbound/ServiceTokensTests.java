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

package dev.s2s.security.outbound;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.CredentialState;
import dev.s2s.security.outbound.TestTokenEndpoint.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ServiceTokens} against a real token endpoint on loopback.
 */
class ServiceTokensTests {

	private static final String SECRET = "s3cr3t-never-shown";

	private final TestTokenEndpoint endpoint = TestTokenEndpoint.start();

	private final MutableClock clock = new MutableClock();

	private final List<ServiceTokens> created = new ArrayList<>();

	@AfterEach
	void close() {
		this.created.forEach(ServiceTokens::close);
		this.endpoint.close();
	}

	@Test
	void getTokenWhen64CallersOnColdCacheThenOneTokenRequest() throws Exception {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		CountDownLatch release = this.endpoint.hold();
		List<CompletableFuture<String>> results = burst(64, () -> tokens.getTokenAsync("inventory", null));
		release.countDown();
		for (CompletableFuture<String> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("token-1");
		}
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void getTokenWhen64CallersAtExpiryThenOneTokenRequest() throws Exception {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(301));
		CountDownLatch release = this.endpoint.hold();
		List<CompletableFuture<String>> results = burst(64, () -> tokens.getTokenAsync("inventory", null));
		release.countDown();
		for (CompletableFuture<String> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("token-2");
		}
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void getTokenWhenDueForRenewalThenServesCurrentTokenWhileOneRenewalRuns() throws Exception {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(240));
		CountDownLatch release = this.endpoint.hold();
		// The endpoint is blocked: every caller still completes, with the current token.
		List<CompletableFuture<String>> results = burst(64, () -> tokens.getTokenAsync("inventory", null));
		for (CompletableFuture<String> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("token-1");
		}
		assertThat(release.getCount()).isEqualTo(1);
		release.countDown();
		awaitToken(tokens, "token-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void targetStatusWhenTheEndpointFailsThenDegradedWhileTheTokenLastsThenDownThenUpAgain() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		TargetTokenStatus status = tokens.getTargetStatuses().get(0);
		assertThat(status.getTarget()).isEqualTo("inventory");
		assertThat(status.getState(this.clock.instant())).isEqualTo(CredentialState.NOT_FETCHED);
		tokens.getToken("inventory", null);
		assertThat(status.getState(this.clock.instant())).isEqualTo(CredentialState.UP);
		assertThat(status.getLastFetch()).isEqualTo(this.clock.instant());
		this.endpoint.respond((n) -> new Reply(503, "text/html", "<html>down</html>"));
		this.clock.advance(Duration.ofSeconds(240));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status.getState(this.clock.instant()) == CredentialState.DEGRADED);
		assertThat(status.getLastFailureMessage()).contains("HTTP 503").doesNotContain("down");
		// Reported from what was observed: no call, no token request.
		int requests = this.endpoint.requests();
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(status.getState(this.clock.instant())).isEqualTo(CredentialState.DOWN);
		assertThat(this.endpoint.requests()).isEqualTo(requests);
		this.endpoint.respond((n) -> Reply.token("token-" + n, 300));
		this.clock.advance(Duration.ofMinutes(5));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(tokens.getToken("inventory", null)).startsWith("token-").isNotEqualTo("token-1"));
		assertThat(status.getState(this.clock.instant())).isEqualTo(CredentialState.UP);
	}

	@Test
	void getTokenWhenRenewalFailsThenServesCachedTokenUntilExpiryThenFailsFast() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		tokens.getToken("inventory", null);
		this.endpoint.respond((n) -> new Reply(503, "text/html", "<html>down</html>"));
		this.clock.advance(Duration.ofSeconds(240));
		for (int i = 0; i < 20; i++) {
			assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		}
		awaitRequests(2);
		// While the renewal fails and then backs off, more calls make no more requests.
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> {
			assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
			return this.endpoint.requests() == 2;
		});
		// Once the back-off (at most 1 s after one failure) has passed, the next caller
		// triggers one retry; the clock then stands still, so that retry's own back-off
		// holds.
		this.clock.advance(Duration.ofMillis(1001));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
			return this.endpoint.requests() >= 3;
		});
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> {
			assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
			return this.endpoint.requests() == 3;
		});
		this.clock.advance(Duration.ofSeconds(60));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("HTTP 503")
			.withMessageNotContaining("down")
			.withMessageNotContaining(this.endpoint.issuer());
	}

	@Test
	void getTokenWhenFailuresRepeatThenBackoffDoublesWithJitterOnTheUpperHalf() {
		this.endpoint.respond((n) -> new Reply(500, "text/plain", "no"));
		ServiceTokens tokens = build(
				ServiceTokens.builder(credentials()).target(target(OutboundTarget.Identity.SERVICE)), true,
				Duration.ofSeconds(60));
		// Back-off after failure n lies in [2^(n-1) / 2, 2^(n-1)] seconds.
		fails(tokens);
		this.clock.advance(Duration.ofMillis(1100));
		fails(tokens);
		this.clock.advance(Duration.ofMillis(2100));
		fails(tokens);
		assertThat(this.endpoint.requests()).isEqualTo(3);
		this.clock.advance(Duration.ofMillis(1900));
		fails(tokens);
		assertThat(this.endpoint.requests()).isEqualTo(3);
		this.clock.advance(Duration.ofMillis(2200));
		fails(tokens);
		assertThat(this.endpoint.requests()).isEqualTo(4);
	}

	@Test
	void backoffStateIsReadableWithoutARequestAndClearedByASuccess() {
		this.endpoint.respond((n) -> (n <= 2) ? new Reply(500, "text/plain", "no") : Reply.token("token-" + n, 300));
		ServiceTokens tokens = build(
				ServiceTokens.builder(credentials()).target(target(OutboundTarget.Identity.SERVICE)), true,
				Duration.ofSeconds(60));
		assertThat(tokens.getBackoffUntil("inventory")).isNull();
		assertThat(tokens.getConsecutiveFailures("inventory")).isZero();
		fails(tokens);
		await().atMost(Duration.ofSeconds(10)).until(() -> tokens.getConsecutiveFailures("inventory") == 1);
		Instant now = this.clock.instant();
		assertThat(tokens.getBackoffUntil("inventory")).isAfterOrEqualTo(now.plusMillis(500))
			.isBeforeOrEqualTo(now.plusSeconds(1));
		this.clock.advance(Duration.ofMillis(1100));
		fails(tokens);
		await().atMost(Duration.ofSeconds(10)).until(() -> tokens.getConsecutiveFailures("inventory") == 2);
		now = this.clock.instant();
		assertThat(tokens.getBackoffUntil("inventory")).isAfterOrEqualTo(now.plusSeconds(1))
			.isBeforeOrEqualTo(now.plusSeconds(2));
		this.clock.advance(Duration.ofMillis(2100));
		assertThat(tokens.getBackoffUntil("inventory")).as("the back-off is over").isNull();
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-3");
		await().atMost(Duration.ofSeconds(10)).until(() -> tokens.getConsecutiveFailures("inventory") == 0);
		assertThat(tokens.getBackoffUntil("inventory")).isNull();
		assertThat(tokens.getBackoffUntil("unknown")).isNull();
		assertThat(this.endpoint.requests()).isEqualTo(3);
	}

	private static void fails(ServiceTokens tokens) {
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
	}

	@Test
	void getTokenWhenEndpointDownAndNoTokenThenFailsFastWithoutHammering() {
		this.endpoint.respond((n) -> Reply.reset());
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
				.withMessageContaining("could not be reached");
		}
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void getTokenWhenEndpointHangsThenFailsAtDeadline() {
		CountDownLatch release = this.endpoint.hold();
		ServiceTokens tokens = ServiceTokens.builder(ClientCredentials.clientSecretBasic("order-service", () -> SECRET))
			.tokenUri(this.endpoint.tokenUri())
			.timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(500))
			.target(target(OutboundTarget.Identity.SERVICE))
			.build();
		this.created.add(tokens);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("in time");
		release.countDown();
	}

	@Test
	void getTokenWhenTokenLivesThirtySecondsThenItIsCached() {
		this.endpoint.respond((n) -> Reply.token("token-" + n, 30));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		tokens.getToken("inventory", null);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void getTokenWhenNoExpiresInThenUsesJwtExp() throws Exception {
		String jwt = jwt(this.clock.instant().plusSeconds(600));
		this.endpoint.respond((n) -> Reply.token(jwt, null));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		tokens.getToken("inventory", null);
		this.clock.advance(Duration.ofSeconds(400));
		assertThat(tokens.getToken("inventory", null)).isEqualTo(jwt);
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void getTokenWhenNoExpiresInAndOpaqueThenUsesDefaultLifetime() {
		this.endpoint.respond((n) -> Reply.token("opaque-" + n, null));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		for (int i = 0; i < 5; i++) {
			assertThat(tokens.getToken("inventory", null)).isEqualTo("opaque-1");
		}
		this.clock.advance(Duration.ofSeconds(200));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("opaque-1");
		this.clock.advance(Duration.ofSeconds(200));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("opaque-2");
	}

	static Stream<Reply> badResponses() {
		return Stream.of(new Reply(200, "text/html", "<html>login</html>"), new Reply(200, "application/json", ""),
				new Reply(200, "application/json", "{not json"),
				new Reply(200, "application/json", "{\"access_token\":\"\",\"token_type\":\"Bearer\"}"),
				new Reply(200, "application/json", "{\"x\":1}"),
				new Reply(200, "application/json",
						"{\"access_token\":\"" + "a".repeat(200_000) + "\",\"token_type\":\"Bearer\"}"),
				Reply.error(400, "invalid_client"), new Reply(500, "text/html", "<html>oops</html>"));
	}

	@ParameterizedTest
	@MethodSource("badResponses")
	void getTokenWhenResponseIsBadThenClearErrorAndNothingCached(Reply bad) {
		this.endpoint.respond((n) -> (n == 1) ? bad : Reply.token("token-" + n, 300));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("token endpoint")
			.withMessageNotContaining(this.endpoint.issuer())
			.withMessageNotContaining("secret detail")
			.withMessageNotContaining("login")
			.withMessageNotContaining(SECRET);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
	}

	static Stream<String> invalidTokenValues() {
		// JSON string literals: a space, CR/LF, a quote, non-ASCII, '=' inside, a tab.
		return Stream.of("\"a b\"", "\"abc\\r\\nX-Injected: 1\"", "\"ab\\\"c\"", "\"t\u00f6ken\"", "\"a=b\"",
				"\"tab\\tbed\"");
	}

	@ParameterizedTest
	@MethodSource("invalidTokenValues")
	void getTokenWhenAccessTokenIsNotAB64TokenThenFailsWithoutQuotingItAndCachesNothing(String literal) {
		this.endpoint.respond((n) -> (n == 1) ? Reply.tokenJson(literal, "300") : Reply.token("token-" + n, 300));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		String value = literal.substring(1, literal.length() - 1);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("not a valid bearer value")
			.withMessageNotContaining(value)
			.withMessageNotContaining("X-Injected");
		// Counted as a failure: backing off, no second request yet.
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
		assertThat(this.endpoint.requests()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
	}

	@Test
	void getTokenWhenAccessTokenIsLongerThan16KiBThenRefused() {
		String limit = "a".repeat(16 * 1024);
		this.endpoint.respond((n) -> (n == 1) ? Reply.token(limit + "b", 300) : Reply.token(limit, 300));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("not a valid bearer value");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(tokens.getToken("inventory", null)).isEqualTo(limit);
	}

	@Test
	void getTokenWhenAccessTokenIsAB64TokenWithPaddingThenItIsUsed() {
		this.endpoint.respond((n) -> Reply.token("aZ09-._~+/x==", 300));
		assertThat(tokens(OutboundTarget.Identity.SERVICE).getToken("inventory", null)).isEqualTo("aZ09-._~+/x==");
	}

	@ParameterizedTest
	@MethodSource("hugeLifetimes")
	void getTokenWhenExpiresInIsHugeThenCachedUntilTheLifetimeCap(String expiresIn) {
		this.endpoint.respond((n) -> Reply.tokenJson("\"token-" + n + "\"", expiresIn));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		for (int i = 0; i < 5; i++) {
			assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		}
		this.clock.advance(Duration.ofHours(17));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).isEqualTo(1);
		// Past the 24 h cap (renewal starts at 75 %), a new token is fetched.
		this.clock.advance(Duration.ofHours(8));
		awaitToken(tokens, "token-2");
	}

	static Stream<String> hugeLifetimes() {
		return Stream.of("1e12", "9223372036854775807", "99999999999999999999999");
	}

	@Test
	void getTokenWhenMaxTokenLifetimeIsSetThenItCapsExpiresIn() {
		this.endpoint.respond((n) -> Reply.token("token-" + n, 3600));
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(target(OutboundTarget.Identity.SERVICE))
			.maxTokenLifetime(Duration.ofMinutes(10)));
		tokens.getToken("inventory", null);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
	}

	@Test
	void getTokenWhenEndpointDribblesThenDeadlineAbortsTheExchangeAndOnlyOneIsEverOpen() {
		this.endpoint.respond((n) -> Reply.dribble());
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(target(OutboundTarget.Identity.SERVICE))
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300)));
		// Repeated calls; the clock jumps past each back-off. The endpoint would dribble
		// for 30 s: each exchange is gone within seconds only because the deadline aborts
		// it (the server notices a closed connection a write or two later, so wait for
		// it).
		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
				.withMessageStartingWith("No token for target 'inventory'");
			this.clock.advance(Duration.ofSeconds(2));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.endpoint.open() == 0);
		}
		assertThat(this.endpoint.requests()).isGreaterThanOrEqualTo(3);
		assertThat(this.endpoint.maxOpen()).isEqualTo(1);
		// Without a caller waiting, the deadline alone still aborts the exchange.
		awaitNoneOpen();
	}

	@Test
	void getTokenWhenEndpointAnswers503WithRetryAfterThenWaitsThatLong() {
		this.endpoint
			.respond((n) -> (n == 1) ? Reply.error(503, "temporarily_unavailable").withHeader("Retry-After", "20")
					: Reply.token("token-" + n, 300));
		ServiceTokens tokens = build(
				ServiceTokens.builder(credentials()).target(target(OutboundTarget.Identity.SERVICE)), true,
				Duration.ofSeconds(60));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("unavailable: HTTP 503");
		this.clock.advance(Duration.ofSeconds(15));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
		assertThat(this.endpoint.requests()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
	}

	@Test
	void getTokenWhenRetryAfterIsAnHttpDateThenWaitsUntilThen() {
		String in20Seconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(this.clock.instant().plusSeconds(20).atZone(ZoneOffset.UTC));
		this.endpoint.respond(
				(n) -> (n == 1) ? Reply.error(503, "temporarily_unavailable").withHeader("Retry-After", in20Seconds)
						: Reply.token("token-" + n, 300));
		ServiceTokens tokens = build(
				ServiceTokens.builder(credentials()).target(target(OutboundTarget.Identity.SERVICE)), true,
				Duration.ofSeconds(60));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
		this.clock.advance(Duration.ofSeconds(15));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
	}

	@Test
	void getTokenWhenRetryAfterIsLongerThanMaxBackoffThenMaxBackoffWins() {
		this.endpoint.respond((n) -> (n == 1) ? Reply.error(429, "slow_down").withHeader("Retry-After", "86400")
				: Reply.token("token-" + n, 300));
		ServiceTokens tokens = build(
				ServiceTokens.builder(credentials()).target(target(OutboundTarget.Identity.SERVICE)), true,
				Duration.ofSeconds(30));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
	}

	@Test
	void getTokenWhenRefusedThenMessageNamesTargetAndClientButNoSecret() {
		this.endpoint.respond((n) -> Reply.error(400, "invalid_client"));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessage("No token for target 'inventory' (client 'order-service'): the token endpoint refused the "
					+ "request: HTTP 400, error 'invalid_client'");
	}

	@Test
	void invalidateWhenCalledAgainWithinTenSecondsThenTheNewTokenIsKept() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThat(tokens.invalidate("inventory", null, tokens.getToken("inventory", null))).isTrue();
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
		// A target that rejects every token must not drive one token request per call.
		for (int i = 0; i < 10; i++) {
			assertThat(tokens.invalidate("inventory", null, "token-2")).isFalse();
			assertThat(tokens.getToken("inventory", null)).isEqualTo("token-2");
		}
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(tokens.invalidate("inventory", null, "token-2")).isFalse();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(tokens.invalidate("inventory", null, "token-2")).isTrue();
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-3");
		assertThat(this.endpoint.requests()).isEqualTo(3);
	}

	@Test
	void invalidateWhenTokenIsNoLongerCurrentThenKeepsTheCurrentOneForTheRetry() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		tokens.getToken("inventory", null);
		assertThat(tokens.invalidate("inventory", null, "some-older-token")).isTrue();
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void getTokenWhenManyExchangesWaitThenTokenRequestsUseABoundedNumberOfThreads() throws Exception {
		// Threads of other instances in this JVM (other tests' contexts) are not this
		// one's.
		Set<Thread> others = tokenThreads();
		ServiceTokens tokens = tokens(OutboundTarget.Identity.EXCHANGE);
		CountDownLatch release = this.endpoint.hold();
		List<CompletableFuture<String>> results = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			results.add(tokens.getTokenAsync("inventory", incoming("user-" + i)));
		}
		awaitRequests(32);
		assertThat(tokenThreads()).filteredOn((thread) -> !others.contains(thread)).hasSizeLessThanOrEqualTo(4);
		release.countDown();
		for (CompletableFuture<String> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS)).startsWith("token-");
		}
	}

	private static Set<Thread> tokenThreads() {
		Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
		threads.removeIf((thread) -> !thread.getName().startsWith("s2s-token-"));
		return threads;
	}

	@Test
	void getTokenWhenTargetSetsAudienceParameterThenItOverridesTheGlobalOne() {
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.audienceParameter(AudienceParameter.BOTH)
			.target(new OutboundTarget("api", List.of(URI.create("http://api")), "https://api.example.com", List.of(),
					OutboundTarget.Identity.SERVICE, AudienceParameter.RESOURCE))
			.target(new OutboundTarget("legacy", List.of(URI.create("http://legacy")), "https://legacy.example.com",
					List.of(), OutboundTarget.Identity.SERVICE, AudienceParameter.AUDIENCE))
			.target(new OutboundTarget("both", List.of(URI.create("http://both")), "https://both.example.com",
					List.of(), OutboundTarget.Identity.SERVICE)));
		tokens.getToken("api", null);
		tokens.getToken("legacy", null);
		tokens.getToken("both", null);
		assertThat(this.endpoint.parameters().get(0)).containsEntry("resource", "https://api.example.com")
			.doesNotContainKey("audience");
		assertThat(this.endpoint.parameters().get(1)).containsEntry("audience", "https://legacy.example.com")
			.doesNotContainKey("resource");
		assertThat(this.endpoint.parameters().get(2)).containsEntry("audience", "https://both.example.com")
			.containsEntry("resource", "https://both.example.com");
	}

	@Test
	void getTokenWhenIssuerHasAPathThenRfc8414MetadataIsReadFromTheInsertedWellKnownPath() {
		String issuer = this.endpoint.issuer() + "/tenant-a";
		this.endpoint.enableAuthorizationServerMetadata(issuer);
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.issuerUri(URI.create(issuer))
			.target(target(OutboundTarget.Identity.SERVICE)), false);
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
	}

	@Test
	void getTokenWhenMetadataNamesTheIssuerWithATrailingSlashThenRefused() {
		String issuer = this.endpoint.issuer() + "/tenant-a";
		this.endpoint.enableAuthorizationServerMetadata(issuer);
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.issuerUri(URI.create(issuer + "/"))
			.target(target(OutboundTarget.Identity.SERVICE)), false);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("issuer-uri")
			.withMessageNotContaining(this.endpoint.issuer());
		assertThat(this.endpoint.requests()).isZero();
	}

	@Test
	void getTokenSendsClientCredentialsGrantWithAudienceAndScopes() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		tokens.getToken("inventory", null);
		assertThat(this.endpoint.parameters().get(0)).containsEntry("grant_type", "client_credentials")
			.containsEntry("audience", "inventory-service")
			.containsEntry("scope", "inventory.read inventory.write")
			.doesNotContainKey("resource");
		assertThat(this.endpoint.authorizations().get(0))
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString(("order-service:" + SECRET).getBytes()));
	}

	@Test
	void getTokenWhenAudienceIsUriThenSendsResource() {
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(new OutboundTarget("api", List.of(URI.create("http://api")), "https://api.example.com", List.of(),
					OutboundTarget.Identity.SERVICE)));
		tokens.getToken("api", null);
		assertThat(this.endpoint.parameters().get(0)).containsEntry("resource", "https://api.example.com")
			.containsEntry("audience", "https://api.example.com");
	}

	@Test
	void getTokenWhenClientSecretPostThenSecretInBody() {
		ServiceTokens tokens = build(
				ServiceTokens.builder(ClientCredentials.clientSecretPost("order-service", () -> SECRET))
					.target(target(OutboundTarget.Identity.SERVICE)));
		tokens.getToken("inventory", null);
		assertThat(this.endpoint.parameters().get(0)).containsEntry("client_id", "order-service")
			.containsEntry("client_secret", SECRET);
		assertThat(this.endpoint.authorizations().get(0)).isEmpty();
	}

	@Test
	void getTokenWhenSecretFileChangesThenNextRequestUsesNewSecret(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("secret");
		Files.writeString(file, "first\n");
		ServiceTokens tokens = build(ServiceTokens
			.builder(ClientCredentials.clientSecretPost("order-service", ClientCredentials.secretFile(file)))
			.target(target(OutboundTarget.Identity.SERVICE)));
		tokens.getToken("inventory", null);
		Files.writeString(file, "second-longer\n");
		this.clock.advance(Duration.ofSeconds(301));
		tokens.getToken("inventory", null);
		assertThat(this.endpoint.parameters()).extracting((p) -> p.get("client_secret"))
			.containsExactly("first", "second-longer");
	}

	@ParameterizedTest
	@MethodSource("ecCurves")
	void getTokenWhenPrivateKeyJwtWithAnEcKeyThenSignsWithTheCurvesAlgorithm(Curve curve, JWSAlgorithm expected,
			@TempDir Path dir) throws Exception {
		ECKey key = new ECKeyGenerator(curve).keyID("ec-1").generate();
		Path file = dir.resolve("key.jwk");
		Files.writeString(file, key.toJSONString());
		ServiceTokens tokens = build(ServiceTokens
			.builder(ClientCredentials.privateKeyJwt("order-service", ClientCredentials.keyFile(file), "ec-1"))
			.target(target(OutboundTarget.Identity.SERVICE)));
		tokens.getToken("inventory", null);
		SignedJWT assertion = SignedJWT.parse(this.endpoint.parameters().get(0).get("client_assertion"));
		assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(expected);
		assertThat(assertion.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
	}

	static Stream<Arguments> ecCurves() {
		return Stream.of(Arguments.of(Curve.P_256, JWSAlgorithm.ES256), Arguments.of(Curve.P_384, JWSAlgorithm.ES384),
				Arguments.of(Curve.P_521, JWSAlgorithm.ES512));
	}

	@Test
	void getTokenWhenPrivateKeyJwtWithAnRsaJwkFileThenSignsWithIt(@TempDir Path dir) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
		Path file = dir.resolve("key.json");
		Files.writeString(file, key.toJSONString());
		ServiceTokens tokens = build(ServiceTokens
			.builder(ClientCredentials.privateKeyJwt("order-service", ClientCredentials.keyFile(file), "rsa-1"))
			.target(target(OutboundTarget.Identity.SERVICE)));
		tokens.getToken("inventory", null);
		SignedJWT assertion = SignedJWT.parse(this.endpoint.parameters().get(0).get("client_assertion"));
		assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(assertion.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
	}

	@Test
	void getTokenWhenTwoTargetsShareAnAudienceButNotScopesThenEachGetsItsOwnToken() {
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(new OutboundTarget("reader", List.of(URI.create("http://inventory/read")), "inventory-service",
					List.of("inventory.read"), OutboundTarget.Identity.SERVICE))
			.target(new OutboundTarget("writer", List.of(URI.create("http://inventory/write")), "inventory-service",
					List.of("inventory.write"), OutboundTarget.Identity.SERVICE)));
		assertThat(tokens.getToken("reader", null)).isEqualTo("token-1");
		assertThat(tokens.getToken("writer", null)).isEqualTo("token-2");
		assertThat(this.endpoint.parameters()).extracting((parameters) -> parameters.get("scope"))
			.containsExactly("inventory.read", "inventory.write");
	}

	@Test
	void getTokenWhenTheIncomingTokenExpiresFirstThenTheExchangedTokenIsNotUsedPastIt() throws Exception {
		this.endpoint.respond((n) -> Reply.token("exchanged-" + n, 3600));
		ServiceTokens tokens = tokens(OutboundTarget.Identity.EXCHANGE);
		Jwt incoming = incoming(jwt(this.clock.instant().plusSeconds(60)));
		assertThat(tokens.getToken("inventory", incoming)).isEqualTo("exchanged-1");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(tokens.getToken("inventory", incoming)).isEqualTo("exchanged-1");
		// Usable until 5 s before the incoming token's exp, not for the hour it was
		// issued for.
		this.clock.advance(Duration.ofSeconds(27));
		assertThat(tokens.getToken("inventory", incoming)).isEqualTo("exchanged-2");
	}

	@Test
	void getTokenWhenManyKeysFailTogetherThenTheyRetryApart() {
		this.endpoint.respond((n) -> new Reply(500, "text/plain", "no"));
		ServiceTokens tokens = build(
				ServiceTokens.builder(credentials()).target(target(OutboundTarget.Identity.EXCHANGE)), true,
				Duration.ofSeconds(60));
		List<Jwt> callers = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			callers.add(incoming("user-" + i));
		}
		callers.forEach((caller) -> assertThatExceptionOfType(ServiceTokenException.class)
			.isThrownBy(() -> tokens.getToken("inventory", caller)));
		assertThat(this.endpoint.requests()).isEqualTo(24);
		// The first back-off lies in [0.5 s, 1 s]: at 0.75 s some keys retry and some
		// wait
		// (without jitter all would wait; the chance that all land on one side is 2^-23).
		this.clock.advance(Duration.ofMillis(750));
		callers.forEach((caller) -> assertThatExceptionOfType(ServiceTokenException.class)
			.isThrownBy(() -> tokens.getToken("inventory", caller)));
		assertThat(this.endpoint.requests()).isStrictlyBetween(24, 48);
	}

	@Test
	void getTokenWhenPrivateKeyJwtThenSendsAssertionSignedByTheKey(@TempDir Path dir) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		Path pem = dir.resolve("key.pem");
		Files.writeString(pem,
				"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		ServiceTokens tokens = build(ServiceTokens
			.builder(ClientCredentials.privateKeyJwt("order-service", ClientCredentials.keyFile(pem), "key-1"))
			.target(target(OutboundTarget.Identity.SERVICE)));
		tokens.getToken("inventory", null);
		var parameters = this.endpoint.parameters().get(0);
		assertThat(parameters)
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
			.doesNotContainKey("client_secret");
		SignedJWT assertion = SignedJWT.parse(parameters.get("client_assertion"));
		assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
		assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-1");
		assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("order-service");
		assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(this.endpoint.tokenUri().toString());
	}

	@Test
	void getTokenWhenExchangeThenOneTokenPerIncomingTokenWithSubjectToken() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.EXCHANGE);
		Jwt alice = incoming("alice-token");
		Jwt bob = incoming("bob-token");
		String aliceToken = tokens.getToken("inventory", alice);
		assertThat(tokens.getToken("inventory", alice)).isEqualTo(aliceToken);
		assertThat(tokens.getToken("inventory", bob)).isNotEqualTo(aliceToken);
		assertThat(this.endpoint.requests()).isEqualTo(2);
		assertThat(this.endpoint.parameters().get(0))
			.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
			.containsEntry("subject_token", "alice-token")
			.containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
			.containsEntry("audience", "inventory-service");
	}

	@Test
	void getTokenWhenExchangeWithoutIncomingTokenThenFailsClosed() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.EXCHANGE);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory"))
			.withMessageContaining("needs the caller's bearer token");
		assertThat(this.endpoint.requests()).isZero();
	}

	@Test
	void getTokenWhenForwardThenReturnsIncomingTokenWithoutRequest() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.FORWARD);
		assertThat(tokens.getToken("inventory", incoming("alice-token"))).isEqualTo("alice-token");
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null));
		assertThat(this.endpoint.requests()).isZero();
	}

	@Test
	void getTokenWhenIssuerUriThenDiscoversTokenEndpoint() {
		this.endpoint.enableDiscovery();
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.issuerUri(URI.create(this.endpoint.issuer()))
			.target(target(OutboundTarget.Identity.SERVICE)), false);
		assertThat(tokens.getToken("inventory", null)).isEqualTo("token-1");
	}

	@Test
	void getTokenWhenUnknownTargetThenClearError() {
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("nope", null))
			.withMessageContaining("'nope'");
	}

	@Test
	void toStringWhenSecretConfiguredThenNeverShowsIt() {
		ClientCredentials credentials = credentials();
		ServiceTokens tokens = tokens(OutboundTarget.Identity.SERVICE);
		assertThat(credentials.toString()).contains("order-service").doesNotContain(SECRET);
		assertThat(tokens.toString()).doesNotContain(SECRET);
	}

	@Test
	void findTargetMatchesSchemeHostPortAndPathPrefixOnly() {
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(new OutboundTarget("api", List.of(URI.create("http://inventory:8080/api/")), null, List.of(),
					OutboundTarget.Identity.SERVICE)));
		assertThat(tokens.findTarget(URI.create("http://inventory:8080/api/stock"))).isNotNull();
		assertThat(tokens.findTarget(URI.create("http://INVENTORY:8080/api"))).isNotNull();
		assertThat(tokens.findTarget(URI.create("http://inventory:8080/apix"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://inventory:8081/api/stock"))).isNull();
		assertThat(tokens.findTarget(URI.create("https://inventory:8080/api/stock"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://inventory.evil:8080/api/stock"))).isNull();
	}

	@Test
	void findTargetWhenBaseUrlsNestThenTheLongestPathWins() {
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(new OutboundTarget("api", List.of(URI.create("http://host/api")), null, List.of(),
					OutboundTarget.Identity.SERVICE))
			.target(new OutboundTarget("special", List.of(URI.create("http://host/api/special")), null, List.of(),
					OutboundTarget.Identity.SERVICE))
			.target(new OutboundTarget("root", List.of(URI.create("http://root/")), null, List.of(),
					OutboundTarget.Identity.SERVICE)));
		assertThat(tokens.findTarget(URI.create("http://host/api/special/x")).name()).isEqualTo("special");
		assertThat(tokens.findTarget(URI.create("http://host/api/other")).name()).isEqualTo("api");
		assertThat(tokens.findTarget(URI.create("http://root/x")).name()).isEqualTo("root");
		assertThat(tokens.findTarget(URI.create("http://root/../x"))).isNull();
	}

	@Test
	void findTargetMatchesTheNormalizedPathAndRefusesLookAlikes() {
		ServiceTokens tokens = build(ServiceTokens.builder(credentials())
			.target(new OutboundTarget("inventory", List.of(URI.create("http://host/inventory")), null, List.of(),
					OutboundTarget.Identity.SERVICE)));
		assertThat(tokens.findTarget(URI.create("http://host/inventory/./stock"))).isNotNull();
		assertThat(tokens.findTarget(URI.create("http://host/inventory/a/../stock"))).isNotNull();
		assertThat(tokens.findTarget(URI.create("http://host/inventory/../billing"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://host/inventory/%2e%2e/billing"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://host/inventory/..%2fbilling"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://host/inventory/%2E%2E/billing"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://host/inventory/..%5cbilling"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://host/../inventory"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://user:pw@host/inventory"))).isNull();
		assertThat(tokens.findTarget(URI.create("http://host:80/inventory"))).isNotNull();
	}

	@Test
	void getTokenWhenTargetRequiresDPoPThenBoundTokenRequestedWithAProofAndNonceOnceAsked() throws Exception {
		this.endpoint.respond((n) -> (n == 1)
				? TestTokenEndpoint.Reply.error(400, "use_dpop_nonce").withHeader("DPoP-Nonce", "nonce-1")
				: new TestTokenEndpoint.Reply(200, "application/json",
						"{\"access_token\":\"bound-" + n + "\",\"token_type\":\"DPoP\",\"expires_in\":300}"));
		OutboundTarget dpop = new OutboundTarget("inventory", List.of(URI.create("http://inventory:8080")),
				"inventory-service", List.of(), OutboundTarget.Identity.SERVICE, null, true);
		ServiceTokens tokens = build(ServiceTokens.builder(credentials()).target(dpop));
		CachedToken token = tokens.token("inventory", null);
		assertThat(token.value()).isEqualTo("bound-2");
		assertThat(token.authorization()).isEqualTo("DPoP bound-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
		JWTClaimsSet first = SignedJWT.parse(this.endpoint.dpopProofs().get(0)).getJWTClaimsSet();
		JWTClaimsSet second = SignedJWT.parse(this.endpoint.dpopProofs().get(1)).getJWTClaimsSet();
		assertThat(first.getStringClaim("htm")).isEqualTo("POST");
		assertThat(first.getStringClaim("htu")).isEqualTo(this.endpoint.tokenUri().toString());
		assertThat(first.getClaim("nonce")).isNull();
		assertThat(first.getClaim("ath")).as("a token request has no token").isNull();
		assertThat(second.getStringClaim("nonce")).isEqualTo("nonce-1");
		assertThat(second.getJWTID()).isNotEqualTo(first.getJWTID());
		String proof = tokens.dpopProof("GET", URI.create("http://inventory:8080/stock?id=1"), token);
		JWTClaimsSet resource = SignedJWT.parse(proof).getJWTClaimsSet();
		assertThat(resource.getStringClaim("htu")).as("no query").isEqualTo("http://inventory:8080/stock");
		assertThat(resource.getStringClaim("ath")).isNotBlank();
	}

	@Test
	void getTokenWhenTargetRequiresDPoPAndEndpointIssuesABearerTokenThenFails() {
		OutboundTarget dpop = new OutboundTarget("inventory", List.of(URI.create("http://inventory:8080")),
				"inventory-service", List.of(), OutboundTarget.Identity.SERVICE, null, true);
		ServiceTokens tokens = build(ServiceTokens.builder(credentials()).target(dpop));
		assertThatExceptionOfType(ServiceTokenException.class).isThrownBy(() -> tokens.getToken("inventory", null))
			.withMessageContaining("requires a DPoP-bound token");
	}

	private ServiceTokens tokens(OutboundTarget.Identity identity) {
		return build(ServiceTokens.builder(credentials()).target(target(identity)));
	}

	private ServiceTokens build(ServiceTokens.Builder builder) {
		return build(builder, true);
	}

	private ServiceTokens build(ServiceTokens.Builder builder, boolean tokenUri) {
		return build(builder, tokenUri, Duration.ofSeconds(1));
	}

	private ServiceTokens build(ServiceTokens.Builder builder, boolean tokenUri, Duration maxBackoff) {
		if (tokenUri) {
			builder.tokenUri(this.endpoint.tokenUri());
		}
		ServiceTokens tokens = builder.clock(this.clock).backoff(Duration.ofSeconds(1), maxBackoff).build();
		this.created.add(tokens);
		return tokens;
	}

	private static ClientCredentials credentials() {
		return ClientCredentials.clientSecretBasic("order-service", () -> SECRET);
	}

	private static OutboundTarget target(OutboundTarget.Identity identity) {
		return new OutboundTarget("inventory", List.of(URI.create("http://inventory:8080")), "inventory-service",
				List.of("inventory.write", "inventory.read"), identity);
	}

	static Jwt incoming(String value) {
		return Jwt.withTokenValue(value).header("alg", "RS256").subject("alice").build();
	}

	private static String jwt(Instant exp) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
				new JWTClaimsSet.Builder().subject("order-service").expirationTime(Date.from(exp)).build());
		jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
		return jwt.serialize();
	}

	private static <T> List<CompletableFuture<T>> burst(int callers,
			java.util.function.Supplier<CompletableFuture<T>> call) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<CompletableFuture<T>>> submitted = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			submitted.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return call.get();
			}, pool));
		}
		start.countDown();
		List<CompletableFuture<T>> results = submitted.stream().map(CompletableFuture::join).toList();
		pool.shutdown();
		return results;
	}

	private void awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.endpoint.requests() >= count);
		assertThat(this.endpoint.requests()).isEqualTo(count);
	}

	private void awaitNoneOpen() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.endpoint.open() == 0);
	}

	private static void awaitToken(ServiceTokens tokens, String expected) {
		await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(tokens.getToken("inventory", null)));
	}

	static final class MutableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
