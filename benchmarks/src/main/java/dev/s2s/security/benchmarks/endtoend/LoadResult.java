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

/**
 * What one load run measured.
 *
 * @param requests requests completed
 * @param durationMicros how long the run took
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param maxMicros highest latency
 * @param non2xx responses with a 4xx or 5xx status
 * @param socketErrors connect, read, write errors and timeouts
 * @param firstSeenSent first-seen tokens sent
 * @param firstSeenAvailable first-seen tokens there were for this run; more sent means
 * some were sent twice
 * @author s2s-security team
 */
record LoadResult(long requests, long durationMicros, long p50Micros, long p99Micros, long maxMicros, long non2xx,
		long socketErrors, long firstSeenSent, long firstSeenAvailable) {

	double requestsPerSecond() {
		return this.requests * 1_000_000.0 / this.durationMicros;
	}

	double non2xxPercent() {
		return (this.requests == 0) ? 0 : 100.0 * this.non2xx / this.requests;
	}

	boolean firstSeenWrapped() {
		return this.firstSeenSent > this.firstSeenAvailable;
	}

}
