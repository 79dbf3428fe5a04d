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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load from {@code wrk} (Debian's package, installed when missing) on the load CPUs, with
 * the request mix of {@code mix.lua}: one thread (the load generator has one CPU of its
 * own), a fixed number of connections, for a fixed time.
 *
 * @author s2s-security team
 */
final class Wrk {

	private final Cpus cpus;

	private final int connections;

	private final Mix mix;

	private final Path script;

	private Wrk(Cpus cpus, int connections, Mix mix, Path script) {
		this.cpus = cpus;
		this.connections = connections;
		this.mix = mix;
		this.script = script;
	}

	static Wrk prepare(Cpus cpus, int connections, Mix mix, Path directory) throws IOException, InterruptedException {
		install();
		Path script = directory.resolve("mix.lua");
		try (InputStream in = Wrk.class.getResourceAsStream("mix.lua")) {
			if (in == null) {
				throw new IllegalStateException("mix.lua is missing from the class path");
			}
			Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
		}
		return new Wrk(cpus, connections, mix, script);
	}

	private static void install() throws IOException, InterruptedException {
		if (Commands.onPath("wrk")) {
			return;
		}
		System.out.println("Installing wrk (apt-get install -y wrk) ...");
		Commands.Result result = Commands.run(List.of("apt-get", "install", "-y", "-qq", "wrk"), 600);
		if (result.exitCode() != 0) {
			Commands.run(List.of("apt-get", "update", "-qq"), 600);
			result = Commands.run(List.of("apt-get", "install", "-y", "-qq", "wrk"), 600);
		}
		if (result.exitCode() != 0 || !Commands.onPath("wrk")) {
			throw new IllegalStateException(
					"wrk is needed and could not be installed (run 'apt-get install wrk' as root):\n"
							+ result.output());
		}
	}

	/**
	 * Puts load on {@code GET /stock} for the given time.
	 * @param port the server's port
	 * @param tokens the token files
	 * @param duration how long, whole seconds
	 * @param firstSeenStart the first line of the first-seen pool this run may send
	 * @param firstSeenCount how many first-seen tokens this run may send before it wraps
	 * @return what wrk measured
	 */
	LoadResult run(int port, TokenPools tokens, Duration duration, int firstSeenStart, int firstSeenCount)
			throws IOException, InterruptedException {
		long seconds = Math.max(1, duration.toSeconds());
		List<String> command = new ArrayList<>(this.cpus.pin(this.cpus.load()));
		command.addAll(List.of("wrk", "-t1", "-c" + this.connections, "-d" + seconds + "s", "--timeout", "10s", "-s",
				this.script.toString(), "http://127.0.0.1:" + port + "/stock", "--", tokens.directory().toString(),
				String.valueOf(firstSeenStart), String.valueOf(Math.max(1, firstSeenCount)),
				String.valueOf(this.mix.repeatedPercent()), String.valueOf(this.mix.firstSeenPercent()), "42"));
		Commands.Result result = Commands.run(command, seconds + 120);
		Map<String, Long> values = new HashMap<>();
		for (String line : result.output().split("\n")) {
			if (line.startsWith("E2E-RESULT ")) {
				for (String pair : line.substring("E2E-RESULT ".length()).trim().split(" ")) {
					String[] keyValue = pair.split("=");
					values.put(keyValue[0], Long.parseLong(keyValue[1]));
				}
			}
		}
		if (result.exitCode() != 0 || values.isEmpty()) {
			throw new IllegalStateException("wrk failed (exit code " + result.exitCode() + "):\n" + result.output());
		}
		return new LoadResult(values.get("requests"), values.get("duration_us"), values.get("p50_us"),
				values.get("p99_us"), values.get("max_us"), values.get("non2xx"), values.get("socket_errors"),
				values.get("first_seen_sent"), firstSeenCount);
	}

	Mix mix() {
		return this.mix;
	}

	String describe() {
		return "wrk, 1 thread, " + this.connections + " connections";
	}

	/**
	 * The shares of the request mix; the rest are invalid tokens.
	 *
	 * @param repeatedPercent requests with a caller's repeated token
	 * @param firstSeenPercent requests with a token never sent before
	 */
	record Mix(int repeatedPercent, int firstSeenPercent) {

		Mix {
			if (repeatedPercent < 0 || firstSeenPercent < 0 || repeatedPercent + firstSeenPercent > 100) {
				throw new IllegalArgumentException("The mix needs 0 <= repeated + first-seen <= 100 (percent)");
			}
		}

		int invalidPercent() {
			return 100 - this.repeatedPercent - this.firstSeenPercent;
		}

	}

}
