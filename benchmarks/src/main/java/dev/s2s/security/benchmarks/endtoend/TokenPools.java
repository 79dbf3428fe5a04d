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
package dev.s2s.security.benchmarks.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.TokenBuilder;

/**
 * The tokens of the load mix, minted by a {@link FakeTokenIssuer} and written one per
 * line for the load generator's script:
 * <ul>
 * <li>{@code repeated.txt}: one service token per caller, sent again and again as a
 * caller reusing its cached token does;</li>
 * <li>{@code first-seen.txt}: distinct tokens, each sent once while the pool lasts;</li>
 * <li>{@code invalid.txt}: tokens signed with a key the issuer never published (under the
 * issuer's {@code kid}), expired tokens and tokens for another audience, in turn.</li>
 * </ul>
 * Every token is {@code typ: JWT}, which Spring's default type check and s2s-security
 * both accept.
 *
 * @author s2s-security team
 */
final class TokenPools {

	/** The files the tokens are written to. */
	static final List<String> FILES = List.of("repeated.txt", "first-seen.txt", "invalid.txt");

	private static final int INVALID_PER_KIND = 20;

	private final Path directory;

	private final List<String> repeated;

	private final int firstSeen;

	private final List<String> invalid;

	private TokenPools(Path directory, List<String> repeated, int firstSeen, List<String> invalid) {
		this.directory = directory;
		this.repeated = repeated;
		this.firstSeen = firstSeen;
		this.invalid = invalid;
	}

	static TokenPools mint(FakeTokenIssuer issuer, int callers, int firstSeen, Path directory) throws IOException {
		List<String> repeated = IntStream.range(0, callers).mapToObj((i) -> token(issuer, i).sign()).toList();
		List<String> fresh = IntStream.range(0, firstSeen)
			.parallel()
			.mapToObj((i) -> token(issuer, i % callers).sign())
			.toList();
		if (new HashSet<>(fresh).size() != fresh.size()) {
			throw new IllegalStateException("The issuer minted the same token twice: first-seen tokens must differ");
		}
		List<String> invalid = new ArrayList<>();
		for (int i = 0; i < INVALID_PER_KIND; i++) {
			invalid.add(token(issuer, i % callers).bad().signedWithForeignKey());
			invalid.add(token(issuer, i % callers).bad().expired());
			invalid.add(token(issuer, i % callers).bad().wrongAudience());
		}
		Files.createDirectories(directory);
		Files.write(directory.resolve("repeated.txt"), repeated, StandardCharsets.US_ASCII);
		Files.write(directory.resolve("first-seen.txt"), fresh, StandardCharsets.US_ASCII);
		Files.write(directory.resolve("invalid.txt"), invalid, StandardCharsets.US_ASCII);
		return new TokenPools(directory, repeated, firstSeen, invalid);
	}

	private static TokenBuilder token(FakeTokenIssuer issuer, int caller) {
		return issuer.serviceToken(String.format("caller-%02d", caller))
			.audience(EndToEndServer.SERVICE_ID)
			.scopes("inventory.read")
			.type("JWT");
	}

	/**
	 * The lifetime tokens need to stay valid for a whole run, generously.
	 * @param run how long the run takes at most
	 * @return the lifetime to mint tokens with
	 */
	static Duration lifetimeFor(Duration run) {
		Duration doubled = run.multipliedBy(2);
		return (doubled.compareTo(Duration.ofHours(1)) < 0) ? Duration.ofHours(1) : doubled;
	}

	Path directory() {
		return this.directory;
	}

	String validToken() {
		return this.repeated.get(0);
	}

	/**
	 * One token of each invalid kind.
	 * @return a foreign-key token, an expired one and one for another audience
	 */
	List<String> invalidSamples() {
		return this.invalid.subList(0, 3);
	}

	int callers() {
		return this.repeated.size();
	}

	int firstSeen() {
		return this.firstSeen;
	}

}
