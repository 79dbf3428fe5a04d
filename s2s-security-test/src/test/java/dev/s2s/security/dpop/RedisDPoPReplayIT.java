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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.s2s.security.revocation.RedisServer;
import dev.s2s.security.test.DPoPKey;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
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
 * DPoP proofs across instances against a real {@code redis-server}: two instances of one
 * service (one servlet, one WebFlux) share it; a proof used on one is refused by the
 * other, also when both receive it at once; a busy client with one key is never refused;
 * Redis down is a 503 with Retry-After, never a 500 and never an accepted proof, and the
 * instances recover when it is back. Run with
 * {@code ./mvnw -Predis -pl s2s-security-test -am verify}.
 */
class RedisDPoPReplayIT {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	/**
	 * Longer than any deadline of the replay check: a request that takes this long hangs.
	 */
	private static final Duration HANG = Duration.ofSeconds(3);

	private static final List<ConfigurableApplicationContext> running = new ArrayList<>();

	/** The URI clients call, on the proxy in front of the instances. */
	private static final URI PUBLIC = URI.create("https://inventory.internal/whoami");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANG).build();

	private final DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);

	@AfterAll
	static void stopApplications() {
		running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void proofUsedOnOneInstanceIsRefusedByTheOther() throws Exception {
		ConfigurableApplicationContext a = start("inventory-service", WebApplicationType.SERVLET);
		ConfigurableApplicationContext b = start("inventory-service", WebApplicationType.REACTIVE);
		String token = token(this.key);
		int rounds = 50;
		int replaysAccepted = 0;
		for (int i = 0; i < rounds; i++) {
			ConfigurableApplicationContext first = (i % 2 == 0) ? a : b;
			ConfigurableApplicationContext second = (i % 2 == 0) ? b : a;
			String proof = this.key.proof("GET", PUBLIC, token);
			assertThat(send(first, token, proof).statusCode()).isEqualTo(200);
			HttpResponse<String> replay = send(second, token, proof);
			if (replay.statusCode() != 401) {
				replaysAccepted++;
			}
			DPoPIntegrationTests.assertRefused(replay, "invalid_dpop_proof",
					"jti claim is invalid or unable to cache.");
			assertThat(send(second, token, this.key.proof("GET", PUBLIC, token)).statusCode())
				.as("a fresh proof on the other instance")
				.isEqualTo(200);
		}
		assertThat(replaysAccepted).as("proofs replayed to the other instance and accepted").isZero();
	}

	@Test
	void sameProofSentToBothInstancesAtOnceIsAcceptedExactlyOnce() throws Exception {
		ConfigurableApplicationContext a = start("inventory-service", WebApplicationType.SERVLET);
		ConfigurableApplicationContext b = start("inventory-service", WebApplicationType.SERVLET);
		String token = token(this.key);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 30; i++) {
				String proof = this.key.proof("GET", PUBLIC, token);
				CountDownLatch go = new CountDownLatch(1);
				Callable<Integer> toA = () -> {
					go.await();
					return send(a, token, proof).statusCode();
				};
				Callable<Integer> toB = () -> {
					go.await();
					return send(b, token, proof).statusCode();
				};
				Future<Integer> first = pool.submit(toA);
				Future<Integer> second = pool.submit(toB);
				go.countDown();
				assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 401);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * 2,000 requests of one client with one key alternating between the instances, as 200
	 * requests a second for 10 seconds would be (every proof of those 10 seconds is
	 * remembered in Redis at once).
	 */
	@Test
	void busyClientWithOneKeyIsNeverRefused() throws Exception {
		ConfigurableApplicationContext a = start("inventory-service", WebApplicationType.SERVLET);
		ConfigurableApplicationContext b = start("inventory-service", WebApplicationType.REACTIVE);
		String token = token(this.key);
		int requests = 2_000;
		Instant start = Instant.now().minusSeconds(10);
		List<Callable<Integer>> calls = new ArrayList<>(requests);
		for (int i = 0; i < requests; i++) {
			ConfigurableApplicationContext app = (i % 2 == 0) ? a : b;
			String proof = this.key.proofFor("GET", PUBLIC)
				.accessToken(token)
				.issuedAt(start.plusMillis(i * 5L))
				.sign();
			calls.add(() -> send(app, token, proof).statusCode());
		}
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (Future<Integer> status : pool.invokeAll(calls)) {
				statuses.merge(status.get(), 1, Integer::sum);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).containsExactly(Map.entry(200, requests));
		StringRedisTemplate redisTemplate = a.getBean(StringRedisTemplate.class);
		assertThat(redisTemplate.keys("s2s:dpop:inventory-service:" + this.key.thumbprint() + ":*"))
			.as("every proof remembered once, under its key's thumbprint")
			.hasSize(requests);
	}

	@Test
	void keysAreNamespacedPerServiceHideTheJtiAndExpireAfterTwoWindows() throws Exception {
		ConfigurableApplicationContext inventory = start("inventory-service", WebApplicationType.SERVLET);
		ConfigurableApplicationContext billing = start("billing-service", WebApplicationType.SERVLET);
		String jti = "jti-" + java.util.UUID.randomUUID();
		String token = token(this.key);
		String proof = this.key.proofFor("GET", PUBLIC).accessToken(token).jti(jti).sign();
		assertThat(send(inventory, token, proof).statusCode()).isEqualTo(200);
		StringRedisTemplate redisTemplate = inventory.getBean(StringRedisTemplate.class);
		Set<String> keys = redisTemplate.keys("s2s:dpop:inventory-service:" + this.key.thumbprint() + ":*");
		assertThat(redisTemplate.keys("*" + jti + "*")).as("the jti never in clear").isEmpty();
		assertThat(keys).isNotEmpty()
			.allSatisfy((name) -> assertThat(redisTemplate.getExpire(name, TimeUnit.MILLISECONDS))
				.as("iat + 2 x 30s at most")
				.isPositive()
				.isLessThanOrEqualTo(61_000L));
		String billingToken = issuer.serviceToken("order-service").audience("billing-service").boundTo(this.key).sign();
		String billingProof = this.key.proofFor("GET", PUBLIC).accessToken(billingToken).jti(jti).sign();
		assertThat(send(billing, billingToken, billingProof).statusCode()).as("another service's proofs are its own")
			.isEqualTo(200);
	}

	@Test
	void redisDownIsA503NeverAnAcceptedProofAndInstancesRecoverWithoutRestart() throws Exception {
		ConfigurableApplicationContext servlet = start("inventory-service", WebApplicationType.SERVLET);
		ConfigurableApplicationContext reactive = start("inventory-service", WebApplicationType.REACTIVE);
		String token = token(this.key);
		redis.stop();
		try {
			for (ConfigurableApplicationContext app : List.of(servlet, reactive)) {
				for (int i = 0; i < 3; i++) {
					long started = System.nanoTime();
					HttpResponse<String> response = send(app, token, this.key.proof("GET", PUBLIC, token));
					assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no hang").isLessThan(HANG);
					assertThat(response.statusCode()).isEqualTo(503);
					assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
					assertThat(response.body()).doesNotContain("Exception");
				}
				assertThat(app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
					.get("s2s.security.inbound.refusals")
					.tag("reason", "dpop_replay_unavailable")
					.counter()
					.count()).isEqualTo(3);
				String bearer = issuer.serviceToken("order-service").audience("inventory-service").sign();
				assertThat(sendBearer(app, bearer).statusCode()).as("bearer tokens need no replay check")
					.isEqualTo(200);
			}
		}
		finally {
			redis.start();
		}
		for (ConfigurableApplicationContext app : List.of(servlet, reactive)) {
			Awaitility.await("recovery of " + app.getId())
				.atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> send(app, token, this.key.proof("GET", PUBLIC, token)).statusCode() == 200);
		}
	}

	private static String token(DPoPKey key) {
		return issuer.serviceToken("order-service").audience("inventory-service").boundTo(key).sign();
	}

	private static URI uri(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + "/whoami");
	}

	/**
	 * Sends to an instance as a proxy in front of all of them would: the instances see
	 * the public URI (forwarded headers), which the proofs name.
	 */
	private HttpResponse<String> send(ConfigurableApplicationContext app, String token, String proof) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(app))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", PUBLIC.getHost())
			.header("Authorization", "DPoP " + token)
			.header("DPoP", proof)
			.timeout(HANG)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> sendBearer(ConfigurableApplicationContext app, String token) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(uri(app)).header("Authorization", "Bearer " + token).timeout(HANG).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext start(String serviceId, WebApplicationType type) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"s2s.security.service-id=" + serviceId,
					"s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri(),
					"s2s.security.inbound.dpop.mode=accepted", "s2s.security.inbound.dpop.replay.store=redis",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
					"spring.data.redis.connect-timeout=500ms", "server.forward-headers-strategy=framework")
			.run();
		running.add(context);
		return context;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ DPoPIntegrationTests.WhoAmIController.class, SimpleMeterRegistry.class })
	static class App {

	}

}
