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

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.inbound.TrustedIssuer;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Runs {@link DecoderBenchmark} and the unknown-{@code kid} flood, and prints the figures
 * the inbound issue asks for as ratios against Spring Security measured in the same run:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.inbound.InboundReport
 * </pre>
 *
 * @author s2s-security team
 */
public final class InboundReport {

	private static final int FLOOD = 1000;

	private InboundReport() {
	}

	public static void main(String[] args) throws RunnerException {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(DecoderBenchmark.class.getSimpleName()).build())
			.run();
		Map<String, Double> nanos = new HashMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark().replaceAll(".*\\.", "") + "/"
					+ result.getParams().getParam("algorithm");
			nanos.put(name, result.getPrimaryResult().getScore());
		}
		System.out.println();
		System.out.println("Inbound decode, ns per token (lower is better), same run:");
		System.out.printf("%-8s | %12s | %12s | %10s | %12s | %12s | %10s%n", "alg", "spring rep.", "s2s rep.",
				"speed-up", "spring first", "s2s first", "s2s/spring");
		for (String alg : new String[] { "RS256", "ES256" }) {
			double springRepeated = nanos.get("springRepeated/" + alg);
			double s2sRepeated = nanos.get("s2sRepeated/" + alg);
			double springFirst = nanos.get("springFirstSeen/" + alg);
			double s2sFirst = nanos.get("s2sFirstSeen/" + alg);
			System.out.printf("%-8s | %12.0f | %12.0f | %9.0fx | %12.0f | %12.0f | %9.2fx%n", alg, springRepeated,
					s2sRepeated, springRepeated / s2sRepeated, springFirst, s2sFirst, s2sFirst / springFirst);
		}
		try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			String jwks = issuer.jwksUri().toString();
			int spring = flood(issuer, NimbusJwtDecoder.withJwkSetUri(jwks).build());
			int s2s = flood(issuer,
					S2sJwtDecoder.builder()
						.issuer(TrustedIssuer.of(issuer.issuerUri().toString(), "inventory-service")
							.withJwkSetUri(issuer.jwksUri()))
						.build());
			System.out.printf("%n%d tokens with random kids -> JWKS fetches: Spring %d, s2s %d%n", FLOOD, spring, s2s);
		}
	}

	private static int flood(FakeTokenIssuer issuer, JwtDecoder decoder) {
		decoder.decode(issuer.serviceToken("order-service").audience("inventory-service").type("JWT").sign());
		int before = issuer.requestCount(Endpoint.JWKS);
		for (int i = 0; i < FLOOD; i++) {
			try {
				decoder.decode(issuer.serviceToken("order-service")
					.audience("inventory-service")
					.header("kid", UUID.randomUUID().toString())
					.sign());
			}
			catch (JwtException ex) {
				// expected: no such key
			}
		}
		return issuer.requestCount(Endpoint.JWKS) - before;
	}

}
