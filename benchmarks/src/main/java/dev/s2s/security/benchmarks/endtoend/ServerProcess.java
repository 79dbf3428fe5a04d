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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.s2s.security.test.FakeTokenIssuer;

/**
 * An {@link EndToEndServer} in a child JVM of its own, pinned to the server's CPUs with
 * {@code taskset}: a fresh JVM per variant, so no variant warms up or fills the heap for
 * another. Its output goes to a log file; the protocol lines come back here.
 *
 * @author s2s-security team
 */
final class ServerProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private final Process process;

	private final Path log;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	private final PrintWriter commands;

	private int port;

	private String description = "";

	private ServerProcess(Process process, Path log) throws IOException {
		this.process = process;
		this.log = log;
		this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
				true);
		Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> pump(out), "endtoend-server-output");
		reader.setDaemon(true);
		reader.start();
	}

	static ServerProcess start(Stack stack, Variant variant, FakeTokenIssuer issuer, Cpus cpus, List<String> jvmArgs,
			Path logDirectory) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(cpus.pin(cpus.server()));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), EndToEndServer.class.getName(),
				stack.name(), variant.name(), issuer.issuerUri().toString(), issuer.jwksUri().toString()));
		Path log = logDirectory
			.resolve("server-" + stack.name().toLowerCase() + "-" + variant.name().toLowerCase() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ServerProcess server = new ServerProcess(process, log);
		String[] ready = server.reply("E2E-READY", STARTUP).split(" ");
		server.port = Integer.parseInt(ready[1]);
		server.description = ready[2] + ", " + ready[3].replace('_', ' ') + ", " + ready[4].replace('_', ' ');
		return server;
	}

	int port() {
		return this.port;
	}

	/**
	 * The web server and the garbage collectors the server runs with.
	 * @return e.g. {@code TomcatWebServer, Copy,MarkSweepCompact, Java 17.0.15}
	 */
	String description() {
		return this.description;
	}

	/**
	 * The heap the server uses right after a full garbage collection.
	 * @return the bytes in use
	 */
	long heapAfterFullGc() throws InterruptedException {
		this.commands.println("heap");
		return Long.parseLong(reply("E2E-HEAP", Duration.ofMinutes(1)).split(" ")[1]);
	}

	/**
	 * How long the server's JIT compilers have worked so far: while they still work hard,
	 * the server is not warmed up.
	 * @return milliseconds of compilation
	 */
	long compilationMillis() throws InterruptedException {
		this.commands.println("jit");
		return Long.parseLong(reply("E2E-JIT", Duration.ofMinutes(1)).split(" ")[1]);
	}

	private String reply(String prefix, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String line = this.replies.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(prefix + " ")) {
				return line;
			}
			if (line == null && !this.process.isAlive() && this.replies.isEmpty()) {
				break;
			}
		}
		throw new IllegalStateException("The server gave no " + prefix + " (exit code "
				+ (this.process.isAlive() ? "none, still running" : this.process.exitValue()) + "); see " + this.log);
	}

	private void pump(Writer out) {
		try (out;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith("E2E-")) {
					this.replies.add(line);
				}
				out.write(line);
				out.write('\n');
				out.flush();
			}
		}
		catch (IOException ex) {
			// The server is gone; reply() reports it.
		}
	}

	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.commands.println("stop");
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
