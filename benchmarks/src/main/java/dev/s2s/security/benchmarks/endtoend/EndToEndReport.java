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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark: requests per second and p99 latency of {@code GET /stock}
 * over real HTTP on loopback, on MVC/Tomcat and WebFlux/Reactor Netty, protected by
 * s2s-security, by the same Spring Security chain with a trivial authentication (the fair
 * baseline), by Spring Security's stock resource server, and unprotected (for reference),
 * each server a fresh JVM pinned to its own CPU and loaded by {@code wrk} on another with
 * a realistic mix of tokens; then the ratios of s2s-security against the baseline and
 * against Spring's resource server, measured in the same run. <pre>
 * ./mvnw -q -Pendtoend -pl benchmarks -am verify
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.endtoend.EndToEndReport warmup=10s measure=20s
 * </pre> Settings ({@code key=value} arguments, see {@link Settings} and
 * {@link LoadRig}): {@code warmup} (10s), {@code measure} (20s), {@code stacks}
 * ({@code mvc,webflux}), {@code variants} ({@code unprotected,trivial,s2s,spring}; add
 * {@code s2s_trivial} to split s2s-security's cost into verifying tokens and the rest),
 * {@code firstSeenTokens} (30000).
 *
 * @author s2s-security team
 */
public final class EndToEndReport {

	private EndToEndReport() {
	}

	/**
	 * Runs the benchmark and prints the report.
	 * @param args settings, {@code key=value}
	 * @throws Exception if a server, the load generator or the issuer fails
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.of(args);
		Duration warmup = settings.duration("warmup", "10s");
		Duration measure = settings.duration("measure", "20s");
		List<Stack> stacks = settings.list("stacks", "mvc,webflux")
			.stream()
			.map((name) -> Stack.valueOf(name.toUpperCase(Locale.ROOT)))
			.toList();
		List<Variant> variants = settings.list("variants", "unprotected,trivial,s2s,spring")
			.stream()
			.map((name) -> Variant.valueOf(name.toUpperCase(Locale.ROOT)))
			.toList();
		Duration run = warmup.plus(measure).plusMinutes(1).multipliedBy((long) stacks.size() * variants.size());
		List<Row> rows = new ArrayList<>();
		try (LoadRig rig = LoadRig.set(settings, 30_000, run)) {
			int pool = rig.tokens().firstSeen();
			// Warm-up and measurement send different first-seen tokens: each is new to
			// the
			// server (a fresh JVM per variant) when it is measured.
			int warmupShare = (int) (pool * warmup.toMillis() / warmup.plus(measure).toMillis());
			for (Stack stack : stacks) {
				for (Variant variant : variants) {
					try (ServerProcess server = rig.startServer(stack, variant)) {
						rig.load(server, warmup, 0, warmupShare);
						LoadResult result = rig.load(server, measure, warmupShare, pool - warmupShare);
						rows.add(new Row(stack, variant, server.description(), result));
						System.out.printf("%-14s %-30s %9.0f requests/s, p99 %7.2f ms%n", stack.label(),
								variant.label(), result.requestsPerSecond(), result.p99Micros() / 1000.0);
					}
				}
			}
			print(rows, rig, warmup, measure);
		}
	}

	private static void print(List<Row> rows, LoadRig rig, Duration warmup, Duration measure) {
		System.out.println();
		System.out.printf("End to end: GET /stock over HTTP on loopback, %d s warm-up + %d s measured per server%n",
				warmup.toSeconds(), measure.toSeconds());
		System.out.println(rig.describe());
		System.out.println("Mix: " + rig.describeMix());
		System.out.println();
		System.out.println("| stack | protection | requests/s | p50 | p99 | non-2xx | server |");
		System.out.println("|---|---|---:|---:|---:|---:|---|");
		for (Row row : rows) {
			LoadResult result = row.result();
			System.out.printf("| %s | %s | %.0f | %.2f ms | %.2f ms | %.1f%% | %s |%n", row.stack().label(),
					row.variant().label(), result.requestsPerSecond(), result.p50Micros() / 1000.0,
					result.p99Micros() / 1000.0, result.non2xxPercent(), row.server());
		}
		System.out.println();
		System.out.println(
				"| stack | s2s / trivial-auth baseline (goal >= 0.9x) | s2s / Spring resource server (goal >= 1.3x) "
						+ "| p99 s2s / baseline / Spring | s2s / s2s chain with trivial auth |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (Stack stack : Stack.values()) {
			LoadResult s2s = find(rows, stack, Variant.S2S);
			if (s2s == null) {
				continue;
			}
			LoadResult trivial = find(rows, stack, Variant.TRIVIAL);
			LoadResult spring = find(rows, stack, Variant.SPRING);
			System.out.printf("| %s | %s | %s | %.2f / %s / %s ms | %s |%n", stack.label(), ratio(s2s, trivial, 0.9),
					ratio(s2s, spring, 1.3), s2s.p99Micros() / 1000.0, p99(trivial), p99(spring),
					ratio(s2s, find(rows, stack, Variant.S2S_TRIVIAL), 0));
		}
		for (Row row : rows) {
			LoadResult result = row.result();
			if (result.firstSeenWrapped()) {
				System.out.printf(
						"Note: %s, %s sent %d first-seen tokens but had %d: some were repeats; "
								+ "raise firstSeenTokens.%n",
						row.stack().label(), row.variant().label(), result.firstSeenSent(),
						result.firstSeenAvailable());
			}
			if (result.socketErrors() > 0) {
				System.out.printf("Note: %s, %s: %d socket errors or timeouts.%n", row.stack().label(),
						row.variant().label(), result.socketErrors());
			}
		}
	}

	private static String ratio(LoadResult s2s, LoadResult other, double goal) {
		if (other == null) {
			return "not run";
		}
		// Rounded down, so that a ratio shown as meeting its goal does.
		double ratio = Math.floor(100 * s2s.requestsPerSecond() / other.requestsPerSecond()) / 100;
		if (goal == 0) {
			return String.format("%.2fx", ratio);
		}
		return String.format("%.2fx (%s)", ratio, (ratio >= goal) ? "met" : "NOT met");
	}

	private static String p99(LoadResult result) {
		return (result != null) ? String.format("%.2f", result.p99Micros() / 1000.0) : "-";
	}

	private static LoadResult find(List<Row> rows, Stack stack, Variant variant) {
		for (Row row : rows) {
			if (row.stack() == stack && row.variant() == variant) {
				return row.result();
			}
		}
		return null;
	}

	private record Row(Stack stack, Variant variant, String server, LoadResult result) {
	}

}
