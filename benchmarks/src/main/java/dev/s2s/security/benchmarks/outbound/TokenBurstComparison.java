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

package dev.s2s.security.benchmarks.outbound;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import dev.s2s.security.outbound.ClientCredentials;
import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokens;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * Token requests per 64-thread burst (cold cache, then at expiry), caller p99 latency
 * across a refresh, and token requests for short-lived (30 s) tokens, for s2s-security's
 * {@link ServiceTokens} and Spring Security's
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, against the same loopback
 * token endpoint. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.outbound.TokenBurstComparison}.
 *
 * @author s2s-security team
 */
public final class TokenBurstComparison {

	private static final int THREADS = 64;

	private static final AtomicInteger requests = new AtomicInteger();

	private static volatile long delayMillis;

	private static volatile int expiresInSeconds = 120;

	private static final int SHORT_LIVED_SECONDS = 30;

	private static final int SHORT_LIVED_CALLS = 60;

	private TokenBurstComparison() {
	}

	public static void main(String[] args) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/token", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			int n = requests.incrementAndGet();
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = ("{\"access_token\":\"t" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":"
					+ expiresInSeconds + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		URI tokenUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		System.out.printf("%-10s %-8s %-12s %-12s %-16s %-16s%n", "endpoint", "impl", "cold reqs", "expiry reqs",
				"steady p99 ms", "refresh p99 ms");
		for (long delay : new long[] { 0, 200 }) {
			delayMillis = delay;
			for (String impl : new String[] { "s2s", "spring" }) {
				MutableClock clock = new MutableClock();
				Supplier<String> token = impl.equals("s2s") ? s2s(tokenUri, clock) : spring(tokenUri, clock);
				int cold = burst(pool, token).requests();
				double steady = burst(pool, token).p99Millis();
				clock.advance(Duration.ofSeconds(100)); // s2s: past renewal point, still
														// valid
				Burst refresh = burst(pool, token);
				Thread.sleep(delay + 100); // let the background renewal land first
				clock.advance(Duration.ofSeconds(200)); // both: expired
				int expiry = burst(pool, token).requests();
				System.out.printf("%-10s %-8s %-12d %-12d %-16.3f %-16.3f%n", delay + " ms", impl, cold, expiry, steady,
						refresh.p99Millis());
			}
		}
		shortLivedTokens(tokenUri);
		pool.shutdownNow();
		server.stop(0);
		System.exit(0);
	}

	/**
	 * Spring's manager treats a token as expired 60 s early by default, so a token living
	 * 60 s or less is fetched again on every call; s2s keeps it for 90% of its lifetime
	 * and renews it at 75%.
	 */
	private static void shortLivedTokens(URI tokenUri) throws Exception {
		delayMillis = 0;
		expiresInSeconds = SHORT_LIVED_SECONDS;
		System.out.printf("%n%d s tokens, %d calls 1 s apart: token requests%n", SHORT_LIVED_SECONDS,
				SHORT_LIVED_CALLS);
		for (String impl : new String[] { "s2s", "spring" }) {
			MutableClock clock = new MutableClock();
			Supplier<String> token = impl.equals("s2s") ? s2s(tokenUri, clock) : spring(tokenUri, clock);
			int before = requests.get();
			for (int i = 0; i < SHORT_LIVED_CALLS; i++) {
				token.get();
				clock.advance(Duration.ofSeconds(1));
				Thread.sleep(5); // lets a background renewal land
			}
			System.out.printf("%-8s %d%n", impl, requests.get() - before);
		}
	}

	private static Supplier<String> s2s(URI tokenUri, Clock clock) {
		ServiceTokens tokens = ServiceTokens.builder(ClientCredentials.clientSecretBasic("order-service", () -> "s"))
			.tokenUri(tokenUri)
			.clock(clock)
			.target(new OutboundTarget("inventory", List.of(URI.create("http://inventory")), "inventory", List.of(),
					OutboundTarget.Identity.SERVICE))
			.build();
		return () -> tokens.getToken("inventory", null);
	}

	private static Supplier<String> spring(URI tokenUri, Clock clock) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("inventory")
			.clientId("order-service")
			.clientSecret("s")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri.toString())
			.build();
		InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(registration);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				repository, new InMemoryOAuth2AuthorizedClientService(repository));
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials((c) -> c.clock(clock)).build());
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("inventory")
			.principal("order-service")
			.build();
		return () -> manager.authorize(request).getAccessToken().getTokenValue();
	}

	private static Burst burst(ExecutorService pool, Supplier<String> token) throws Exception {
		int before = requests.get();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			results.add(pool.submit(() -> {
				start.await();
				long began = System.nanoTime();
				token.get();
				return System.nanoTime() - began;
			}));
		}
		start.countDown();
		List<Long> latencies = new ArrayList<>();
		for (Future<Long> result : results) {
			latencies.add(result.get());
		}
		latencies.sort(null);
		long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
		return new Burst(requests.get() - before, p99 / 1_000_000.0);
	}

	private record Burst(int requests, double p99Millis) {

	}

	static final class MutableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
