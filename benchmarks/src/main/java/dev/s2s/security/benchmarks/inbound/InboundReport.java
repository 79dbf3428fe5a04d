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
package dev.s2s.security.benchmarks.inbound;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.s2s.security.inbound.JwksSettings;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.inbound.TrustedIssuer;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Runs {@link DecoderBenchmark}, an unknown-{@code kid} flood and a key published before
 * its first use, and prints the inbound figures as ratios against Spring Security
 * measured in the same run: <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.inbound.InboundReport
 * </pre>
 *
 * @author s2s-security team
 */
public final class InboundReport {

	private static final String[] ALGORITHMS = { "RS256", "ES256", "EDDSA" };

	/** Short, so that the flood spans several intervals in a few seconds. */
	private static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final int FLOOD_INTERVALS = 5;

	private InboundReport() {
	}

	/**
	 * Run the report.
	 * @param args JMH's command-line options, e.g. {@code -wi 1 -i 1 -r 200ms} for a
	 * quick look
	 * @throws Exception when JMH fails
	 */
	public static void main(String[] args) throws Exception {
		Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(DecoderBenchmark.class.getSimpleName())
			.build()).run();
		Map<String, Double> nanos = new HashMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark().replaceAll(".*\\.", "") + "/"
					+ result.getParams().getParam("algorithm");
			nanos.put(name, result.getPrimaryResult().getScore());
		}
		System.out.println();
		System.out.println(
				"Inbound decode, ns per token (lower is better), same run, JDK " + Runtime.version().feature() + ":");
		System.out.printf("%-26s | %-6s | %12s | %12s | %10s%n", "case", "alg", "Spring", "s2s", "Spring/s2s");
		for (String alg : ALGORITHMS) {
			row(nanos, "repeated, same String", "Repeated", alg);
			row(nanos, "repeated, new String", "RepeatedNewString", alg);
			row(nanos, "first-seen", "FirstSeen", alg);
			row(nanos, "forged, sent again", "RefusedAgain", alg);
		}
		try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			flood(issuer);
			publishedKey(issuer);
		}
	}

	private static void row(Map<String, Double> nanos, String label, String benchmark, String alg) {
		double spring = nanos.get("spring" + benchmark + "/" + alg);
		double s2s = nanos.get("s2s" + benchmark + "/" + alg);
		System.out.printf("%-26s | %-6s | %12.0f | %12.0f | %9.2fx%n", label, alg, spring, s2s, spring / s2s);
	}

	/**
	 * Tokens with random key ids, as fast as one thread signs them, for several
	 * intervals: JWKS fetches per interval.
	 */
	private static void flood(FakeTokenIssuer issuer) {
		JwtDecoder spring = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUri().toString()).build();
		S2sJwtDecoder s2s = S2sJwtDecoder.builder().issuer(trusted(issuer)).jwks(jwks(INTERVAL)).build();
		decode(spring, validToken(issuer));
		decode(s2s, validToken(issuer));
		long tokens = 0;
		long end = System.nanoTime() + INTERVAL.multipliedBy(FLOOD_INTERVALS).toNanos();
		int before = issuer.requestCount(Endpoint.JWKS);
		while (System.nanoTime() < end) {
			decode(s2s, unknownKeyToken(issuer));
			tokens++;
		}
		int s2sFetches = issuer.requestCount(Endpoint.JWKS) - before;
		before = issuer.requestCount(Endpoint.JWKS);
		for (int i = 0; i < 200; i++) {
			decode(spring, unknownKeyToken(issuer));
		}
		int springFetches = issuer.requestCount(Endpoint.JWKS) - before;
		System.out.printf(
				"%nUnknown-kid flood, %d tokens over %d intervals of %d s: JWKS fetches per interval: "
						+ "s2s %.1f; Spring %d for 200 tokens (one per token)%n",
				tokens, FLOOD_INTERVALS, INTERVAL.toSeconds(), (double) s2sFetches / FLOOD_INTERVALS, springFetches);
	}

	/**
	 * A key published after the keys were fetched, and used a little later: tokens
	 * refused before the first is accepted.
	 */
	private static void publishedKey(FakeTokenIssuer issuer) {
		JwtDecoder spring = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUri().toString()).build();
		S2sJwtDecoder s2s = S2sJwtDecoder.builder().issuer(trusted(issuer)).build();
		decode(spring, validToken(issuer));
		decode(s2s, validToken(issuer));
		issuer.rotateKey();
		String token = validToken(issuer);
		System.out.printf(
				"A key published after the last fetch, then used: refused before accepted: Spring %d, " + "s2s %d%n",
				refusedBeforeAccepted(spring, token), refusedBeforeAccepted(s2s, token));
	}

	private static int refusedBeforeAccepted(JwtDecoder decoder, String token) {
		int refused = 0;
		while (!decode(decoder, token)) {
			refused++;
		}
		return refused;
	}

	private static boolean decode(JwtDecoder decoder, String token) {
		try {
			decoder.decode(token);
			return true;
		}
		catch (JwtException ex) {
			return false;
		}
	}

	private static TrustedIssuer trusted(FakeTokenIssuer issuer) {
		return TrustedIssuer.of(issuer.issuerUri().toString(), "inventory-service").withJwkSetUri(issuer.jwksUri());
	}

	private static JwksSettings jwks(Duration interval) {
		return new JwksSettings(Duration.ofMinutes(5), interval, Duration.ofHours(1), Duration.ofSeconds(2),
				Duration.ofSeconds(2), 64 * 1024);
	}

	private static String validToken(FakeTokenIssuer issuer) {
		return issuer.serviceToken("order-service").audience("inventory-service").type("JWT").sign();
	}

	private static String unknownKeyToken(FakeTokenIssuer issuer) {
		return issuer.serviceToken("order-service")
			.audience("inventory-service")
			.header("kid", UUID.randomUUID().toString())
			.sign();
	}

}
