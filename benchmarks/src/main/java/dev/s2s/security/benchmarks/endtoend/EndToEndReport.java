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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The end-to-end benchmark: requests per second and p99 latency of {@code GET /stock}
 * over real HTTP on loopback, on MVC/Tomcat and WebFlux/Reactor Netty, protected by
 * s2s-security, by the same Spring Security chain with a trivial authentication (the fair
 * baseline), by Spring Security's stock resource server, and unprotected (for reference),
 * each server a JVM of its own pinned to its own CPU and loaded by {@code wrk} on another
 * with a realistic mix of tokens; then the ratios of s2s-security against the baseline
 * and against Spring's resource server, measured in the same run. <pre>
 * ./mvnw -q -Pendtoend -pl benchmarks -am verify
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.endtoend.EndToEndReport warmup=10s measure=10s rounds=3
 * </pre> The servers of one stack run side by side and are measured in turns, round after
 * round, each round in another order: a machine whose speed drifts slows all of them
 * alike, and each ratio is the median of the ratios measured within one round. Settings
 * ({@code key=value} arguments, see {@link Settings} and {@link LoadRig}): {@code warmup}
 * (10s per server), {@code measure} (10s per server and round), {@code rounds} (3),
 * {@code stacks} ({@code mvc,webflux}), {@code variants}
 * ({@code unprotected,trivial,s2s,spring}; add {@code s2s_trivial} to split
 * s2s-security's cost into verifying tokens and the rest), {@code firstSeenTokens}
 * (30000).
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
		Duration warmupMax = settings.duration("warmupMax", "3m");
		Duration measure = settings.duration("measure", "10s");
		int rounds = settings.integer("rounds", 3);
		if (rounds < 1) {
			throw new IllegalArgumentException("rounds must be at least 1");
		}
		List<Stack> stacks = settings.list("stacks", "mvc,webflux")
			.stream()
			.map((name) -> Stack.valueOf(name.toUpperCase(Locale.ROOT)))
			.toList();
		List<Variant> variants = settings.list("variants", "unprotected,trivial,s2s,spring")
			.stream()
			.map((name) -> Variant.valueOf(name.toUpperCase(Locale.ROOT)))
			.toList();
		Duration perServer = warmupMax.plus(measure.multipliedBy(rounds)).plusMinutes(1);
		Duration run = perServer.multipliedBy((long) stacks.size() * variants.size());
		List<Row> rows = new ArrayList<>();
		try (LoadRig rig = LoadRig.set(settings, 30_000, run)) {
			int pool = rig.tokens().firstSeen();
			// The warm-up and every round send first-seen tokens of their own: each is
			// new
			// to the server when it is sent.
			int warmupShare = (int) (pool * warmup.toMillis() / warmup.plus(measure.multipliedBy(rounds)).toMillis());
			int roundShare = (pool - warmupShare) / rounds;
			for (Stack stack : stacks) {
				rows.addAll(measure(rig, stack, variants, warmup, warmupMax, warmupShare, measure, rounds, roundShare));
			}
			print(rows, rig, warmup, measure, rounds);
		}
	}

	private static List<Row> measure(LoadRig rig, Stack stack, List<Variant> variants, Duration warmup,
			Duration warmupMax, int warmupShare, Duration measure, int rounds, int roundShare) throws Exception {
		Map<Variant, ServerProcess> servers = new LinkedHashMap<>();
		try {
			for (Variant variant : variants) {
				servers.put(variant, rig.startServer(stack, variant));
			}
			Map<Variant, String> warmups = new LinkedHashMap<>();
			for (Map.Entry<Variant, ServerProcess> server : servers.entrySet()) {
				String warmed = rig.warmUp(server.getValue(), warmup, warmupMax, warmupShare);
				warmups.put(server.getKey(), warmed);
				System.out.printf("%-14s %-33s warmed up in %s%n", stack.label(), server.getKey().label(), warmed);
			}
			Map<Variant, List<LoadResult>> results = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				for (int turn = 0; turn < variants.size(); turn++) {
					// Each round starts with another variant, so no variant is always the
					// one measured right after a warm-up or at the end of a round.
					Variant variant = variants.get((turn + round) % variants.size());
					LoadResult result = rig.load(servers.get(variant), measure, warmupShare + round * roundShare,
							roundShare);
					results.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(result);
					System.out.printf("%-14s %-33s round %d: %9.0f requests/s, p99 %7.2f ms%n", stack.label(),
							variant.label(), round + 1, result.requestsPerSecond(), result.p99Micros() / 1000.0);
				}
			}
			List<Row> rows = new ArrayList<>();
			for (Variant variant : variants) {
				rows.add(new Row(stack, variant, servers.get(variant).description(), warmups.get(variant),
						results.get(variant)));
			}
			return rows;
		}
		finally {
			for (ServerProcess server : servers.values()) {
				server.close();
			}
		}
	}

	private static void print(List<Row> rows, LoadRig rig, Duration warmup, Duration measure, int rounds) {
		System.out.println();
		System.out
			.printf("End to end: GET /stock over HTTP on loopback; a warm-up per server of at least %d s, until its JIT "
					+ "compilers settle; then %d rounds of %d s per server, the servers of a stack side by side and "
					+ "measured in turns%n", warmup.toSeconds(), rounds, measure.toSeconds());
		System.out.println(rig.describe());
		System.out.println("Mix: " + rig.describeMix());
		System.out.println();
		System.out.println("| stack | protection | requests/s (median) | lowest - highest round | p50 | p99 "
				+ "| non-2xx | server | warm-up |");
		System.out.println("|---|---|---:|---:|---:|---:|---:|---|---|");
		for (Row row : rows) {
			System.out.printf("| %s | %s | %.0f | %.0f - %.0f | %.2f ms | %.2f ms | %.1f%% | %s | %s |%n",
					row.stack().label(), row.variant().label(), row.median(LoadResult::requestsPerSecond),
					row.lowest(LoadResult::requestsPerSecond), row.highest(LoadResult::requestsPerSecond),
					row.median(LoadResult::p50Micros) / 1000.0, row.median(LoadResult::p99Micros) / 1000.0,
					row.median(LoadResult::non2xxPercent), row.server(), row.warmup());
		}
		System.out.println();
		System.out.println("Ratios of requests/s, each the median of the ratios within one round (in brackets: "
				+ "every round's):");
		System.out.println();
		System.out.println(
				"| stack | s2s / trivial-auth baseline (goal >= 0.9x) | s2s / Spring resource server (goal >= 1.3x) "
						+ "| p99 s2s / baseline / Spring | s2s / s2s chain with trivial auth |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (Stack stack : Stack.values()) {
			Row s2s = find(rows, stack, Variant.S2S);
			if (s2s == null) {
				continue;
			}
			Row trivial = find(rows, stack, Variant.TRIVIAL);
			Row spring = find(rows, stack, Variant.SPRING);
			System.out.printf("| %s | %s | %s | %.2f / %s / %s ms | %s |%n", stack.label(), ratio(s2s, trivial, 0.9),
					ratio(s2s, spring, 1.3), s2s.median(LoadResult::p99Micros) / 1000.0, p99(trivial), p99(spring),
					ratio(s2s, find(rows, stack, Variant.S2S_TRIVIAL), 0));
		}
		for (Row row : rows) {
			for (LoadResult result : row.results()) {
				if (result.firstSeenWrapped()) {
					System.out.printf(
							"Note: %s, %s sent %d first-seen tokens in a round but had %d: some were repeats; "
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
	}

	private static String ratio(Row s2s, Row other, double goal) {
		if (other == null) {
			return "not run";
		}
		double[] ratios = new double[s2s.results().size()];
		for (int round = 0; round < ratios.length; round++) {
			ratios[round] = s2s.results().get(round).requestsPerSecond()
					/ other.results().get(round).requestsPerSecond();
		}
		StringBuilder each = new StringBuilder();
		for (double ratio : ratios) {
			each.append((each.length() > 0) ? ", " : "").append(String.format("%.2f", ratio));
		}
		// Rounded down, so that a ratio shown as meeting its goal does.
		double median = Math.floor(100 * median(ratios)) / 100;
		String verdict = (goal == 0) ? "" : (median >= goal) ? " met" : " NOT met";
		return String.format("%.2fx%s (%s)", median, verdict, each);
	}

	private static String p99(Row row) {
		return (row != null) ? String.format("%.2f", row.median(LoadResult::p99Micros) / 1000.0) : "-";
	}

	private static Row find(List<Row> rows, Stack stack, Variant variant) {
		for (Row row : rows) {
			if (row.stack() == stack && row.variant() == variant) {
				return row;
			}
		}
		return null;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * One server's results, one per round.
	 */
	private record Row(Stack stack, Variant variant, String server, String warmup, List<LoadResult> results) {

		double median(ToDoubleFunction<LoadResult> figure) {
			return EndToEndReport.median(this.results.stream().mapToDouble(figure).toArray());
		}

		double lowest(ToDoubleFunction<LoadResult> figure) {
			return this.results.stream().mapToDouble(figure).min().orElse(0);
		}

		double highest(ToDoubleFunction<LoadResult> figure) {
			return this.results.stream().mapToDouble(figure).max().orElse(0);
		}

	}

}
