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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.s2s.security.test.FakeTokenIssuer;

/**
 * What every end-to-end run sets up: the issuer on loopback, the tokens, the load
 * generator, the CPUs, the servers' JVM options. Settings (see {@link Settings}):
 * {@code serverCpus} (0), {@code loadCpus} (1), {@code connections} (16), {@code callers}
 * (20), {@code repeatedPercent} (90), {@code firstSeenPercent} (5), {@code serverJvmArgs}
 * ({@code -Xms512m,-Xmx512m}), {@code jfr} (none: a directory where each server writes a
 * Flight Recording, {@code <stack>-<variant>.jfr}, with the JDK's {@code profile}
 * settings).
 *
 * @author s2s-security team
 */
final class LoadRig implements AutoCloseable {

	private final FakeTokenIssuer issuer;

	private final TokenPools tokens;

	private final Cpus cpus;

	private final Wrk wrk;

	private final List<String> jvmArgs;

	private final Path directory;

	private final String jfr;

	private final String loadBefore;

	private LoadRig(FakeTokenIssuer issuer, TokenPools tokens, Cpus cpus, Wrk wrk, List<String> jvmArgs, Path directory,
			String jfr, String loadBefore) {
		this.issuer = issuer;
		this.tokens = tokens;
		this.cpus = cpus;
		this.wrk = wrk;
		this.jvmArgs = jvmArgs;
		this.directory = directory;
		this.jfr = jfr;
		this.loadBefore = loadBefore;
	}

	/**
	 * Sets everything up, once the caller has read its own settings.
	 * @param settings the run's settings
	 * @param firstSeenDefault how many first-seen tokens to mint unless
	 * {@code firstSeenTokens} says
	 * @param run how long the run takes at most, for the tokens' lifetime
	 * @return the rig
	 */
	static LoadRig set(Settings settings, int firstSeenDefault, Duration run) throws IOException, InterruptedException {
		// Before this run adds any load of its own.
		String loadBefore = loadAverage();
		Cpus cpus = new Cpus(settings.string("serverCpus", "0"), settings.string("loadCpus", "1"));
		int connections = settings.integer("connections", 16);
		int callers = settings.integer("callers", 20);
		int firstSeen = settings.integer("firstSeenTokens", firstSeenDefault);
		if (callers < 1 || firstSeen < 10) {
			throw new IllegalArgumentException("callers must be at least 1 and firstSeenTokens at least 10");
		}
		Wrk.Mix mix = new Wrk.Mix(settings.integer("repeatedPercent", 90), settings.integer("firstSeenPercent", 5));
		List<String> jvmArgs = settings.list("serverJvmArgs", "-Xms512m,-Xmx512m");
		String jfr = settings.string("jfr", "");
		// The caller has read its own settings: whatever is left is a typo.
		settings.checkAllUsed();
		Path directory = Files.createTempDirectory("s2s-endtoend-");
		Wrk wrk = Wrk.prepare(cpus, connections, mix, directory);
		FakeTokenIssuer issuer = FakeTokenIssuer.builder().tokenLifetime(TokenPools.lifetimeFor(run)).start();
		long start = System.nanoTime();
		System.out.printf("Minting %d first-seen tokens ...%n", firstSeen);
		TokenPools tokens = TokenPools.mint(issuer, callers, firstSeen, directory);
		System.out.printf("Minted in %.1f s; server logs in %s%n", (System.nanoTime() - start) / 1e9, directory);
		return new LoadRig(issuer, tokens, cpus, wrk, jvmArgs, directory, jfr, loadBefore);
	}

	ServerProcess startServer(Stack stack, Variant variant) throws IOException, InterruptedException {
		List<String> jvmArgs = new ArrayList<>(this.jvmArgs);
		if (!this.jfr.isEmpty()) {
			Path recording = Path.of(this.jfr)
				.resolve(
						stack.name().toLowerCase(Locale.ROOT) + "-" + variant.name().toLowerCase(Locale.ROOT) + ".jfr");
			jvmArgs.add("-XX:StartFlightRecording=settings=profile,filename=" + recording.toAbsolutePath());
		}
		ServerProcess server = ServerProcess.start(stack, variant, this.issuer, this.cpus, jvmArgs, this.directory);
		try {
			Sanity.check(server, variant, this.tokens);
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	LoadResult load(ServerProcess server, Duration duration, int firstSeenStart, int firstSeenCount)
			throws IOException, InterruptedException {
		return this.wrk.run(server.port(), this.tokens, duration, firstSeenStart, firstSeenCount);
	}

	/**
	 * Puts load on a server until its JIT compilers have settled: at least
	 * {@code minimum}, then in slices of 5 s until a slice costs the compilers less than
	 * 2% of its time, or {@code maximum} has passed. On one CPU, compilers and request
	 * threads share the CPU: a server with more code to compile is still in its warm-up
	 * (hot methods interpreted) long after a fixed warm-up of a few seconds has ended.
	 * @param server the server
	 * @param minimum the shortest warm-up
	 * @param maximum the longest warm-up
	 * @param firstSeenCount how many first-seen tokens the warm-up sends (from the first)
	 * @return how the warm-up went, for the report
	 */
	String warmUp(ServerProcess server, Duration minimum, Duration maximum, int firstSeenCount)
			throws IOException, InterruptedException {
		Duration slice = Duration.ofSeconds(5);
		load(server, minimum, 0, firstSeenCount);
		Duration spent = minimum;
		while (true) {
			long before = server.compilationMillis();
			load(server, slice, 0, firstSeenCount);
			spent = spent.plus(slice);
			long compiling = server.compilationMillis() - before;
			if (compiling * 50 < slice.toMillis()) {
				return spent.toSeconds() + " s, JIT settled (" + compiling + " ms compiling in the last 5 s)";
			}
			if (spent.compareTo(maximum) >= 0) {
				return spent.toSeconds() + " s, JIT NOT settled (" + compiling + " ms compiling in the last 5 s)";
			}
		}
	}

	TokenPools tokens() {
		return this.tokens;
	}

	String describe() {
		return this.loadBefore + this.cpus.describe() + "; " + this.wrk.describe() + "; server JVM "
				+ String.join(" ", this.jvmArgs) + "; Java " + System.getProperty("java.version") + " ("
				+ System.getProperty("java.vm.name") + ")";
	}

	/**
	 * The machine's load average over the last minute, since other work on the machine
	 * skews every figure (through Maven, it includes the build just before).
	 * @return e.g. {@code load average before the run 0.12; }, empty where the system
	 * does not tell
	 */
	private static String loadAverage() {
		try {
			return "load average before the run " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + "; ";
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	String describeMix() {
		Wrk.Mix mix = this.wrk.mix();
		return mix.repeatedPercent() + "% repeated tokens (" + this.tokens.callers() + " callers), "
				+ mix.firstSeenPercent() + "% first-seen (pool of " + this.tokens.firstSeen() + "), "
				+ mix.invalidPercent() + "% invalid (foreign key, expired, wrong audience)";
	}

	/**
	 * Stops the issuer and deletes the token files (the server logs stay).
	 * @throws IOException if a token file cannot be deleted
	 */
	@Override
	public void close() throws IOException {
		this.issuer.close();
		for (String pool : TokenPools.FILES) {
			Files.deleteIfExists(this.directory.resolve(pool));
		}
	}

}
