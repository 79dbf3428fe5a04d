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
import java.util.List;

/**
 * Which CPUs the server and the load generator run on: separate ones, so that neither
 * takes the other's time ({@code taskset}; without it nothing is pinned, and the report
 * says so).
 *
 * @author s2s-security team
 */
final class Cpus {

	private final String server;

	private final String load;

	private final boolean pinned;

	Cpus(String server, String load) throws IOException, InterruptedException {
		this.server = server;
		this.load = load;
		this.pinned = Commands.onPath("taskset");
	}

	String server() {
		return this.server;
	}

	String load() {
		return this.load;
	}

	/**
	 * The prefix of a command that runs it on the given CPUs.
	 * @param cpus a CPU list, as {@code taskset -c} reads it
	 * @return the prefix, empty when {@code taskset} is not installed
	 */
	List<String> pin(String cpus) {
		return this.pinned ? List.of("taskset", "-c", cpus) : List.of();
	}

	String describe() {
		return this.pinned ? "server on CPU " + this.server + ", load generator on CPU " + this.load
				: "NOT pinned (no taskset on the PATH): server and load generator share every CPU";
	}

}
