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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.Ed25519Verifier;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.inbound.TrustedIssuer;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
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

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decoding a token with s2s-security's decoder against Spring Security's stock
 * {@link NimbusJwtDecoder}, in the same run, with keys fetched from a loopback issuer.
 * <ul>
 * <li>{@code repeated}: the same token again and again, as a caller that reuses its
 * cached service token sends it, in the same {@code String};</li>
 * <li>{@code repeatedNewString}: the same, in a new {@code String} per call, as every
 * request header is (both decoders pay the copy);</li>
 * <li>{@code firstSeen}: a stream of distinct tokens (s2s's cache is shrunk to 16 entries
 * so nearly every one is a miss, paying verification plus cache upkeep).</li>
 * </ul>
 * Spring's stock decoder cannot verify EdDSA: for {@code EDDSA} it is given Nimbus'
 * Tink-backed {@link Ed25519Verifier}, as an application would have to.
 *
 * @author s2s-security team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmark {

	private static final int DISTINCT_TOKENS = 2000;

	@Param({ "RS256", "ES256", "EDDSA" })
	public String algorithm;

	private FakeTokenIssuer issuer;

	private NimbusJwtDecoder spring;

	private S2sJwtDecoder s2s;

	private S2sJwtDecoder s2sSmallCache;

	private String token;

	private byte[] tokenBytes;

	/** Signed with a key the issuer never published, under its {@code kid}. */
	private byte[] forgedBytes;

	private List<String> tokens;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		SigningAlgorithm signing = SigningAlgorithm.valueOf(this.algorithm);
		this.issuer = FakeTokenIssuer.builder().algorithms(signing).start();
		this.spring = (signing == SigningAlgorithm.EDDSA) ? SpringEdDsa.decoder(this.issuer.jwksUri().toString())
				: NimbusJwtDecoder.withJwkSetUri(this.issuer.jwksUri().toString())
					.jwsAlgorithm(SignatureAlgorithm.from(this.algorithm))
					.build();
		this.spring.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.issuer.issuerUri().toString()));
		TrustedIssuer trusted = TrustedIssuer.of(this.issuer.issuerUri().toString(), "inventory-service")
			.withJwkSetUri(this.issuer.jwksUri());
		this.s2s = S2sJwtDecoder.builder().issuer(trusted).build();
		this.s2sSmallCache = S2sJwtDecoder.builder().issuer(trusted).cacheMaximumSize(16).build();
		// Spring's default type check refuses RFC 9068 'at+jwt'; use the plain JWT shape
		// both accept.
		this.token = serviceToken();
		this.tokenBytes = this.token.getBytes(StandardCharsets.US_ASCII);
		this.forgedBytes = this.issuer.serviceToken("order-service")
			.audience("inventory-service")
			.type("JWT")
			.bad()
			.signedWithForeignKey()
			.getBytes(StandardCharsets.US_ASCII);
		this.tokens = new ArrayList<>(DISTINCT_TOKENS);
		for (int i = 0; i < DISTINCT_TOKENS; i++) {
			this.tokens.add(serviceToken());
		}
		this.spring.decode(this.token);
		this.s2s.decode(this.token);
	}

	private String serviceToken() {
		return this.issuer.serviceToken("order-service").audience("inventory-service").type("JWT").sign();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.issuer.close();
	}

	@Benchmark
	public Jwt springRepeated() {
		return this.spring.decode(this.token);
	}

	@Benchmark
	public Jwt s2sRepeated() {
		return this.s2s.decode(this.token);
	}

	@Benchmark
	public Jwt springRepeatedNewString() {
		return this.spring.decode(new String(this.tokenBytes, StandardCharsets.US_ASCII));
	}

	@Benchmark
	public Jwt s2sRepeatedNewString() {
		return this.s2s.decode(new String(this.tokenBytes, StandardCharsets.US_ASCII));
	}

	@Benchmark
	public Object springRefusedAgain() {
		return refused(this.spring, new String(this.forgedBytes, StandardCharsets.US_ASCII));
	}

	@Benchmark
	public Object s2sRefusedAgain() {
		return refused(this.s2s, new String(this.forgedBytes, StandardCharsets.US_ASCII));
	}

	private static Object refused(JwtDecoder decoder, String token) {
		try {
			return decoder.decode(token);
		}
		catch (JwtException ex) {
			return ex;
		}
	}

	@Benchmark
	public Jwt springFirstSeen() {
		return this.spring.decode(nextToken());
	}

	@Benchmark
	public Jwt s2sFirstSeen() {
		return this.s2sSmallCache.decode(nextToken());
	}

	private String nextToken() {
		int index = this.next++;
		if (this.next == DISTINCT_TOKENS) {
			this.next = 0;
		}
		return this.tokens.get(index);
	}

}
