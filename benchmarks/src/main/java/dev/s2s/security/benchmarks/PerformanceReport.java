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

package dev.s2s.security.benchmarks;

import dev.s2s.security.benchmarks.inbound.CacheMemoryReport;
import dev.s2s.security.benchmarks.inbound.InboundReport;
import dev.s2s.security.benchmarks.outbound.InterceptorBenchmark;

/**
 * Every in-process figure of the performance issue in one run, each against Spring
 * Security's built-in measured in the same run: the inbound decode rows, the unknown-key
 * flood, a key published before its first use, the interceptor on a cached token and the
 * memory of the verified-token cache. <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.PerformanceReport
 * </pre> The end-to-end HTTP figures have a report of their own (see
 * docs/performance.md).
 *
 * @author s2s-security team
 */
public final class PerformanceReport {

	private PerformanceReport() {
	}

	/**
	 * Run every report.
	 * @param args JMH's command-line options for the decode benchmarks
	 * @throws Exception when a report fails
	 */
	public static void main(String[] args) throws Exception {
		InboundReport.main(args);
		InterceptorBenchmark.main(new String[0]);
		CacheMemoryReport.main(new String[0]);
	}

}
