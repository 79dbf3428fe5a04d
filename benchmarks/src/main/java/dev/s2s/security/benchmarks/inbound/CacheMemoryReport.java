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

import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.inbound.TrustedIssuer;
import dev.s2s.security.test.FakeTokenIssuer;
import org.openjdk.jol.info.GraphLayout;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Weighs the verified-token cache with JOL, object by object: the heap 10,000 entries
 * retain, while their tokens are in use and after a garbage collection, and the budget of
 * one entry part by part: <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.inbound.CacheMemoryReport
 * </pre>
 *
 * @author s2s-security team
 */
public final class CacheMemoryReport {

	private static final int ENTRIES = 10_000;

	private CacheMemoryReport() {
	}

	/**
	 * Run the report.
	 * @param args none
	 * @throws InterruptedException when interrupted while collecting garbage
	 */
	public static void main(String[] args) throws InterruptedException {
		// JOL walks into the JDK's hidden classes (lambdas of the HTTP client) too.
		System.setProperty("jol.magicFieldOffset", "true");
		try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			S2sJwtDecoder decoder = S2sJwtDecoder.builder()
				.issuer(TrustedIssuer.of(issuer.issuerUri().toString(), "inventory-service")
					.withJwkSetUri(issuer.jwksUri()))
				.cacheMaximumSize(2L * ENTRIES)
				.build();
			List<String> tokens = new ArrayList<>(ENTRIES);
			for (int i = 0; i < ENTRIES + 1; i++) {
				tokens.add(issuer.serviceToken("order-service").audience("inventory-service").sign());
			}
			decoder.decode(tokens.remove(ENTRIES));
			collectGarbage();
			long empty = GraphLayout.parseInstance(decoder).totalSize();
			List<Jwt> inUse = new ArrayList<>(ENTRIES);
			for (String token : tokens) {
				// A fresh String, as every request header is.
				inUse.add(decoder.decode(new String(token.toCharArray())));
			}
			long whileInUse = GraphLayout.parseInstance(decoder).totalSize() - empty;
			Jwt jwt = inUse.get(1);
			GraphLayout ownJwt = GraphLayout.parseInstance(jwt).subtract(GraphLayout.parseInstance(inUse.get(2)));
			long token = GraphLayout.parseInstance(jwt.getTokenValue()).totalSize();
			inUse.clear();
			collectGarbage();
			long retained = GraphLayout.parseInstance(decoder).totalSize() - empty;
			System.out.printf("%nVerified-token cache, %d entries of %d-character tokens (%d claims):%n", ENTRIES,
					jwt.getTokenValue().length(), jwt.getClaims().size());
			System.out.printf("  retained: %5.1f MB, %5d B per entry%n", retained / 1e6, retained / ENTRIES);
			System.out.printf("  with every Jwt in use: %5.1f MB, %5d B per entry%n", whileInUse / 1e6,
					whileInUse / ENTRIES);
			System.out.printf(
					"  per entry: the token %d B, the rest of the entry and the cache's upkeep %d B; "
							+ "a Jwt in use adds %d B%n",
					token, retained / ENTRIES - token, ownJwt.totalSize() - token);
			System.out.println("What a Jwt in use holds of its own:");
			System.out.println(ownJwt.toFootprint());
		}
	}

	private static void collectGarbage() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
	}

}
