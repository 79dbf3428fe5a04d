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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The soak: steady mixed load on the s2s-security server for a long time (ten minutes by
 * default), with the heap after a full garbage collection at the start (after the
 * warm-up), every {@code sample} while the load goes on, and at the end. The first-seen
 * pool is sent round and round; being larger than the verified-token cache by default,
 * its tokens keep the cache full and churning. <pre>
 * ./mvnw -q -Pendtoend -pl benchmarks -am verify -Dendtoend.main=dev.s2s.security.benchmarks.endtoend.EndToEndSoak
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.endtoend.EndToEndSoak duration=10m
 * </pre> Settings (see {@link Settings} and {@link LoadRig}): {@code stack} ({@code mvc}
 * or {@code webflux}), {@code warmup} (30s), {@code duration} (10m), {@code sample}
 * (60s), {@code firstSeenTokens} (30000).
 *
 * @author s2s-security team
 */
public final class EndToEndSoak {

	private EndToEndSoak() {
	}

	/**
	 * Runs the soak and prints the heap figures.
	 * @param args settings, {@code key=value}
	 * @throws Exception if the server, the load generator or the issuer fails
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.of(args);
		Stack stack = Stack.valueOf(settings.string("stack", "mvc").toUpperCase(Locale.ROOT));
		Duration warmup = settings.duration("warmup", "30s");
		Duration duration = settings.duration("duration", "10m");
		Duration sample = settings.duration("sample", "60s");
		try (LoadRig rig = LoadRig.set(settings, 30_000, warmup.plus(duration).plusMinutes(5))) {
			int pool = rig.tokens().firstSeen();
			try (ServerProcess server = rig.startServer(stack, Variant.S2S)) {
				rig.load(server, warmup, 0, pool);
				long start = server.heapAfterFullGc();
				long began = System.nanoTime();
				List<String> samples = new ArrayList<>();
				samples.add(String.format("| 0 s | %.1f MB |", start / 1e6));
				CompletableFuture<LoadResult> soak = CompletableFuture.supplyAsync(() -> {
					try {
						return rig.load(server, duration, 0, pool);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				LoadResult result = null;
				while (result == null) {
					try {
						result = soak.get(sample.toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (TimeoutException ex) {
						long heap = server.heapAfterFullGc();
						samples.add(String.format("| %d s | %.1f MB |", (System.nanoTime() - began) / 1_000_000_000L,
								heap / 1e6));
						System.out.println("soak " + samples.get(samples.size() - 1));
					}
					catch (ExecutionException ex) {
						throw new IllegalStateException("The soak's load failed", ex.getCause());
					}
				}
				long end = server.heapAfterFullGc();
				samples.add(String.format("| end | %.1f MB |", end / 1e6));
				System.out.println();
				System.out.printf("Soak: s2s-security on %s, %d s of steady load after %d s warm-up (%s)%n",
						stack.label(), duration.toSeconds(), warmup.toSeconds(), server.description());
				System.out.println(rig.describe());
				System.out.println("Mix: " + rig.describeMix() + "; the first-seen pool is sent round and round");
				System.out.printf("%.0f requests/s, p99 %.2f ms, %.1f%% non-2xx, %d socket errors%n",
						result.requestsPerSecond(), result.p99Micros() / 1000.0, result.non2xxPercent(),
						result.socketErrors());
				System.out.println();
				System.out.println("| time | heap after full GC |");
				System.out.println("|---|---:|");
				samples.forEach(System.out::println);
				System.out.println();
				System.out.printf("Heap after full GC: %.1f MB at the start, %.1f MB at the end (%+.1f MB, %+.1f%%)%n",
						start / 1e6, end / 1e6, (end - start) / 1e6, 100.0 * (end - start) / start);
			}
		}
	}

}
