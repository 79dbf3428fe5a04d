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
package dev.s2s.security.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JUnit extension that runs a real {@code redis-server} (Debian's package, found on the
 * {@code PATH}) of its own on a free loopback port, without persistence
 * ({@code --save '' --appendonly no}), and stops it after the test class. Tests may
 * {@link #stop()} and {@link #start()} it again on the same port, to simulate an outage.
 * No system service is used or touched. Shared by the Redis tests of revocation and DPoP.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private final int port = freePort();

	private @Nullable Process process;

	/**
	 * The server's port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Start the server, and wait until it answers {@code PING}.
	 * @throws IOException when {@code redis-server} cannot be run
	 */
	public synchronized void start() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		Path log = Files.createTempFile("redis-server-", ".log");
		this.process = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Process started = this.process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		Awaitility.await("redis-server on port " + this.port + " (log: " + log + ")")
			.atMost(STARTUP)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!started.isAlive()) {
					throw new IllegalStateException("redis-server exited: " + Files.readString(log));
				}
				return ping();
			});
	}

	/**
	 * Stop the server and wait until it has exited.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.destroyForcibly();
		}
		this.process = null;
	}

	/**
	 * Make the server slow: it answers no client for a while ({@code CLIENT PAUSE}),
	 * though it keeps accepting connections.
	 * @param duration how long
	 */
	void pause(Duration duration) {
		assertThat(command("CLIENT PAUSE " + duration.toMillis() + " ALL")).as("CLIENT PAUSE").startsWith("+OK");
	}

	private boolean ping() {
		return command("PING").startsWith("+PONG");
	}

	private String command(String inline) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
				reply.append((char) c);
			}
			return reply.toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
