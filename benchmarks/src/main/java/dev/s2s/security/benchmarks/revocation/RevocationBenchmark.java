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
package dev.s2s.security.benchmarks.revocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.inbound.TrustedIssuer;
import dev.s2s.security.revocation.InMemoryRevocationStore;
import dev.s2s.security.revocation.RedisRevocationStore;
import dev.s2s.security.revocation.RevocationCheck;
import dev.s2s.security.revocation.RevocationFailMode;
import dev.s2s.security.revocation.RevocationMetrics;
import dev.s2s.security.revocation.RevocationStore;
import dev.s2s.security.revocation.TokenRevocation;
import dev.s2s.security.test.FakeTokenIssuer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The cost the revocation check adds to a request whose token is in the verified-token
 * cache: the s2s decoder without revocation, with the in-memory store, and with the Redis
 * store against a {@code redis-server} this benchmark starts on a free loopback port
 * (Debian's package, on the {@code PATH}; without persistence). Some revocations are
 * stored, none of them the benchmarked token's, so every lookup is a miss, like almost
 * every real request.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.revocation.RevocationBenchmark
 * </pre>
 *
 * @author s2s-security team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RevocationBenchmark {

	@Param({ "none", "memory", "redis" })
	public String store;

	private FakeTokenIssuer issuer;

	private S2sJwtDecoder decoder;

	private String token;

	private Process redis;

	private LettuceConnectionFactory connections;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.issuer = FakeTokenIssuer.start();
		S2sJwtDecoder.Builder builder = S2sJwtDecoder.builder()
			.issuer(TrustedIssuer.of(this.issuer.issuerUri().toString(), "inventory-service")
				.withJwkSetUri(this.issuer.jwksUri()));
		RevocationStore revocations = switch (this.store) {
			case "memory" -> new InMemoryRevocationStore(100_000, Clock.systemUTC());
			case "redis" -> redisStore();
			default -> null;
		};
		if (revocations != null) {
			TokenRevocation api = new TokenRevocation(revocations, Duration.ofHours(1), Duration.ofSeconds(5),
					Clock.systemUTC(), RevocationMetrics.NONE);
			for (int i = 0; i < 1000; i++) {
				api.revokeToken("other-" + i, Instant.now().plusSeconds(600));
			}
			api.revokeClient("billing-service");
			builder.validator(new RevocationCheck(revocations, RevocationFailMode.CLOSED, Duration.ofSeconds(5),
					RevocationMetrics.NONE));
		}
		this.decoder = builder.build();
		this.token = this.issuer.serviceToken("order-service").audience("inventory-service").sign();
		this.decoder.decode(this.token);
	}

	private RevocationStore redisStore() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.start();
		awaitReady(this.redis);
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.connections.afterPropertiesSet();
		this.connections.start();
		return new RedisRevocationStore(new ReactiveStringRedisTemplate(this.connections),
				"s2s:revocation:inventory-service:", Duration.ofSeconds(2));
	}

	/**
	 * Reads the server's log until it accepts connections, then drains the rest.
	 */
	private static void awaitReady(Process redis) throws IOException {
		BufferedReader log = new BufferedReader(new InputStreamReader(redis.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = log.readLine()) != null) {
			if (line.contains("Ready to accept connections")) {
				Thread drain = new Thread(() -> log.lines().forEach((ignored) -> {
				}), "redis-log");
				drain.setDaemon(true);
				drain.start();
				return;
			}
		}
		throw new IllegalStateException("redis-server exited before accepting connections");
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException, InterruptedException {
		if (this.connections != null) {
			this.connections.destroy();
		}
		if (this.redis != null) {
			this.redis.destroy();
			this.redis.waitFor(10, TimeUnit.SECONDS);
		}
		this.issuer.close();
	}

	@Benchmark
	public Jwt cachedToken() {
		return this.decoder.decode(this.token);
	}

	public static void main(String[] args) throws RunnerException {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(RevocationBenchmark.class.getSimpleName()).build())
			.run();
		Map<String, Double> nanos = new HashMap<>();
		for (RunResult result : results) {
			nanos.put(result.getParams().getParam("store"), result.getPrimaryResult().getScore());
		}
		double none = nanos.get("none");
		System.out.println();
		System.out.println("Cached-token decode, ns per request (lower is better), same run:");
		for (String store : new String[] { "none", "memory", "redis" }) {
			System.out.printf("%-7s | %12.0f ns | %8.2fx%n", store, nanos.get(store), nanos.get(store) / none);
		}
	}

}
