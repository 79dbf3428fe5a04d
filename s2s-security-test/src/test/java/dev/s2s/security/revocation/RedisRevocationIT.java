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
package dev.s2s.security.revocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation across instances against a real {@code redis-server}: two application
 * instances of one service share it; a token revoked on one is refused by the other on
 * its next request; Redis stopped mid-traffic never gives a 500 or a hang in either fail
 * mode, and the instances recover when it is back, without a restart. Run with
 * {@code ./mvnw -Predis -pl s2s-security-test -am verify}.
 */
class RedisRevocationIT {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	/** Longer than any deadline of the check: a request that takes this long hangs. */
	private static final Duration HANG = Duration.ofSeconds(3);

	private static final List<ConfigurableApplicationContext> running = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANG).build();

	@AfterAll
	static void stopApplications() {
		running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void tokenRevokedOnOneInstanceIsRefusedByTheOtherOnItsNextRequest() throws Exception {
		ConfigurableApplicationContext a = start("inventory-service", "closed");
		ConfigurableApplicationContext b = start("inventory-service", "closed");
		TokenRevocation revocationOnA = a.getBean(TokenRevocation.class);
		int rounds = 50;
		int acceptedAfterRevocation = 0;
		List<Long> writeMicros = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			String jti = "jti-" + UUID.randomUUID();
			String token = token(jti);
			assertThat(get(b, token).statusCode()).isEqualTo(200);
			assertThat(get(b, token).statusCode()).as("cached on b").isEqualTo(200);
			long start = System.nanoTime();
			revocationOnA.revokeToken(jti, Instant.now().plusSeconds(300));
			writeMicros.add((System.nanoTime() - start) / 1000);
			HttpResponse<String> next = get(b, token);
			if (next.statusCode() != 401) {
				acceptedAfterRevocation++;
			}
			assertThat(next.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
		}
		assertThat(acceptedAfterRevocation).as("requests b accepted after a's revoke() returned").isZero();
		Collections.sort(writeMicros);
		var lookups = b.getBean(MeterRegistry.class)
			.get("s2s.security.inbound.revocation.checks")
			.timers()
			.stream()
			.mapToLong((timer) -> timer.count())
			.sum();
		var checks = b.getBean(MeterRegistry.class)
			.get("s2s.security.inbound.revocation.checks")
			.tag("outcome", "accepted")
			.timer();
		System.out.printf("[revocation] %d/%d revoked tokens refused by the other instance on its first request after "
				+ "revoke() returned; revoke() p50 %d us, max %d us; lookups on b: %d, accepted-lookup mean %.0f us, "
				+ "max %.0f us%n", rounds - acceptedAfterRevocation, rounds, writeMicros.get(rounds / 2),
				writeMicros.get(rounds - 1), lookups, checks.mean(TimeUnit.MICROSECONDS),
				checks.max(TimeUnit.MICROSECONDS));
		assertThat(lookups).as("one lookup per request: 3 requests per round").isEqualTo(3L * rounds);
	}

	@Test
	void keysAreNamespacedPerServiceAndExpireWithTheToken() throws Exception {
		ConfigurableApplicationContext inventory = start("inventory-service", "closed");
		ConfigurableApplicationContext billing = start("billing-service", "closed");
		String jti = "jti-" + UUID.randomUUID();
		inventory.getBean(TokenRevocation.class).revokeToken(jti, Instant.now().plusSeconds(60));
		StringRedisTemplate redisTemplate = inventory.getBean(StringRedisTemplate.class);
		String key = "s2s:revocation:inventory-service:" + RevocationKey.token(jti).digest();
		assertThat(redisTemplate.hasKey(key)).isTrue();
		assertThat(redisTemplate.keys("*" + jti + "*")).as("the jti never in clear").isEmpty();
		assertThat(redisTemplate.getExpire(key, TimeUnit.MILLISECONDS)).as("exp + 5s skew at most")
			.isPositive()
			.isLessThanOrEqualTo(65_000L);
		String billingToken = issuer.serviceToken("order-service").audience("billing-service").claim("jti", jti).sign();
		assertThat(get(billing, billingToken).statusCode()).as("another service's revocations are its own")
			.isEqualTo(200);
	}

	@Test
	void redisStoppedMidTrafficNeverGivesA500OrAHangAndBothModesRecoverWithoutRestart() throws Exception {
		ConfigurableApplicationContext closed = start("inventory-service", "closed");
		ConfigurableApplicationContext open = start("inventory-service", "open");
		String good = token("jti-" + UUID.randomUUID());
		String revokedJti = "jti-" + UUID.randomUUID();
		String revoked = token(revokedJti);
		closed.getBean(TokenRevocation.class).revokeToken(revokedJti, Instant.now().plusSeconds(300));
		assertThat(get(closed, good).statusCode()).isEqualTo(200);
		assertThat(get(open, revoked).statusCode()).isEqualTo(401);

		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		Set<String> failures = ConcurrentHashMap.newKeySet();
		AtomicBoolean trafficOn = new AtomicBoolean(true);
		List<Thread> traffic = List.of(traffic(closed, good, trafficOn, statuses, failures),
				traffic(open, good, trafficOn, statuses, failures));
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> statuses.getOrDefault(200, 0) > 20);
			redis.stop();

			HttpResponse<String> unavailable = get(closed, good);
			assertThat(unavailable.statusCode()).isEqualTo(503);
			assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(get(closed, revoked).statusCode()).isEqualTo(503);
			assertThat(get(open, good).statusCode()).isEqualTo(200);
			assertThat(get(open, revoked).statusCode()).as("fail open: the revoked token passes while Redis is down")
				.isEqualTo(200);
			assertThat(open.getBean(MeterRegistry.class)
				.get("s2s.security.inbound.revocation.checks")
				.tag("outcome", "failed-open")
				.timer()
				.count()).isPositive();

			redis.start();
			long restarted = System.nanoTime();
			Awaitility.await("closed instance recovers")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> get(closed, good).statusCode() == 200);
			long recoveredMillis = (System.nanoTime() - restarted) / 1_000_000;
			// The restarted Redis keeps nothing (no persistence): revoke again after it.
			String laterJti = "jti-" + UUID.randomUUID();
			String later = token(laterJti);
			assertThat(get(open, later).statusCode()).isEqualTo(200);
			Awaitility.await("revocation stored again")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.untilAsserted(() -> closed.getBean(TokenRevocation.class).revokeToken(laterJti));
			Awaitility.await("open instance checks again")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> get(open, later).statusCode() == 401);
			System.out.printf("[revocation] Redis restarted: closed instance answered 200 again after %d ms%n",
					recoveredMillis);
		}
		finally {
			trafficOn.set(false);
			for (Thread thread : traffic) {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
		}
		System.out.println("[revocation] statuses during the outage test: " + statuses);
		assertThat(failures).as("requests that failed or took longer than " + HANG).isEmpty();
		assertThat(statuses.keySet()).as("no 500, only 200 and 503").containsOnly(200, 503);
		assertThat(statuses.get(503)).isPositive();
	}

	@Test
	void slowRedisAnswersWithinTheDeadlineInBothModes() throws Exception {
		ConfigurableApplicationContext closed = start("inventory-service", "closed");
		ConfigurableApplicationContext open = start("inventory-service", "open");
		String good = token("jti-" + UUID.randomUUID());
		assertThat(get(closed, good).statusCode()).isEqualTo(200);
		assertThat(get(open, good).statusCode()).isEqualTo(200);
		// Paused longer than HANG: a request waiting for Redis would time out the client.
		redis.pause(HANG.multipliedBy(2));
		HttpResponse<String> unavailable = get(closed, good);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(get(open, good).statusCode()).isEqualTo(200);
		Awaitility.await("Redis answers again")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get(closed, good).statusCode() == 200);
	}

	@Test
	void flappingRedisNeverGivesA500OrAHang() throws Exception {
		ConfigurableApplicationContext closed = start("inventory-service", "closed");
		ConfigurableApplicationContext open = start("inventory-service", "open");
		String good = token("jti-" + UUID.randomUUID());
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		Set<String> failures = ConcurrentHashMap.newKeySet();
		AtomicBoolean trafficOn = new AtomicBoolean(true);
		List<Thread> traffic = List.of(traffic(closed, good, trafficOn, statuses, failures),
				traffic(open, good, trafficOn, statuses, failures));
		try {
			for (int flap = 0; flap < 3; flap++) {
				redis.stop();
				Awaitility.await("closed instance answers 503")
					.atMost(Duration.ofSeconds(10))
					.until(() -> get(closed, good).statusCode() == 503);
				redis.start();
				Awaitility.await("closed instance answers 200")
					.atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> get(closed, good).statusCode() == 200);
			}
		}
		finally {
			trafficOn.set(false);
			for (Thread thread : traffic) {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
		}
		System.out.println("[revocation] statuses while Redis flapped 3 times: " + statuses);
		assertThat(failures).as("requests that failed or took longer than " + HANG).isEmpty();
		assertThat(statuses.keySet()).as("no 500, only 200 and 503").containsOnly(200, 503);
	}

	private Thread traffic(ConfigurableApplicationContext app, String token, AtomicBoolean on,
			Map<Integer, Integer> statuses, Set<String> failures) {
		Thread thread = new Thread(() -> {
			while (on.get()) {
				try {
					statuses.merge(get(app, token).statusCode(), 1, Integer::sum);
				}
				catch (Exception ex) {
					failures.add(ex.toString());
				}
			}
		}, "traffic");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static String token(String jti) {
		return issuer.serviceToken("order-service").audience("inventory-service").claim("jti", jti).sign();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String token) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
			.header("Authorization", "Bearer " + token)
			.timeout(HANG)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext start(String serviceId, String failMode) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"s2s.security.service-id=" + serviceId,
					"s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri(),
					"s2s.security.inbound.revocation.store=redis",
					"s2s.security.inbound.revocation.fail-mode=" + failMode, "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "spring.data.redis.connect-timeout=500ms")
			.run();
		running.add(context);
		return context;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ RevocationIntegrationTests.WhoAmIController.class, SimpleMeterRegistry.class })
	static class App {

	}

}
