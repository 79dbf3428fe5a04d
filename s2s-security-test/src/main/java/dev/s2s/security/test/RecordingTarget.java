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

package dev.s2s.security.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on a random loopback port that stands in for a service the
 * application calls (a <em>target</em>): it records every request it receives and answers
 * {@code 200 OK}, or what the test tells it to. Point a target's {@code base-urls} at
 * {@link #baseUrl()}, make the call, then look at what arrived, the bearer token
 * included:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final RecordingTarget inventory = RecordingTarget.start();
 *
 * &#64;DynamicPropertySource
 * static void inventory(DynamicPropertyRegistry registry) {
 *     registry.add("s2s.security.outbound.targets.inventory.base-urls", inventory::baseUrl);
 * }
 *
 * &#64;Test
 * void sendsAServiceToken() {
 *     inventory.respond(TargetResponse.json("{\"quantity\": 7}"));
 *     // ... the application calls inventory ...
 *     S2sAssertions.assertThat(inventory).receivedOne()
 *         .hasPath("/stock/1")
 *         .bearerToken()
 *         .hasAudience("inventory-service");
 * }
 * </pre>
 *
 * <p>
 * With {@code @RegisterExtension} on a static field it serves the whole test class and
 * forgets its requests and responses after each test; on an instance field each test gets
 * its own. It is closed after the class or the test. Without JUnit, use it in
 * try-with-resources. The JUnit support needs {@code junit-jupiter-api}, which
 * {@code spring-boot-starter-test} brings.
 *
 * <p>
 * Like {@link FakeTokenIssuer} it runs on the JDK's {@code com.sun.net.httpserver} and
 * adds no dependency. Requests are recorded before they are answered, so once the
 * application has its response, the request is in {@link #requests()}. Bodies are kept in
 * memory. Instances are thread-safe.
 *
 * @author s2s-security team
 * @since 0.1.0
 * @see dev.s2s.security.test.assertj.S2sAssertions#assertThat(RecordingTarget)
 */
public final class RecordingTarget implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private final int port;

	private final String baseUrl;

	private final TargetHttpHandler handler;

	private final AtomicReference<@Nullable Running> running = new AtomicReference<>();

	private final Queue<TargetRequest> requests = new ConcurrentLinkedQueue<>();

	private final Queue<TargetResponse> once = new ConcurrentLinkedQueue<>();

	private volatile TargetResponse standing = TargetResponse.ok();

	private final ExtensionLifecycle lifecycle = new ExtensionLifecycle(this::reopen, this::reset, this::close);

	private RecordingTarget() throws IOException {
		this.handler = new TargetHttpHandler(this::nextResponse, this.requests::add);
		Running first = new Running(0, this.handler);
		this.running.set(first);
		this.port = first.port();
		this.baseUrl = "http://127.0.0.1:" + this.port;
	}

	/**
	 * Starts a target on a free loopback port.
	 * @return the running target
	 */
	public static RecordingTarget start() {
		try {
			return new RecordingTarget();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the recording target on 127.0.0.1", ex);
		}
	}

	/**
	 * The URL to configure as the target's {@code base-urls}:
	 * {@code http://127.0.0.1:<port>}, without a trailing slash.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * A URL on this target.
	 * @param path a path starting with {@code /}, with a query if wanted
	 * @return the URL
	 */
	public URI uri(String path) {
		Args.isTrue(Args.notNull(path, "path").startsWith("/"), "path must start with '/'");
		return URI.create(this.baseUrl + path);
	}

	/**
	 * Answers every request from now on with this response, until {@link #reset()};
	 * responses queued with {@link #respondOnce(TargetResponse)} go first.
	 * @param response the response
	 * @return this target
	 */
	public RecordingTarget respond(TargetResponse response) {
		this.standing = Args.notNull(response, "response");
		return this;
	}

	/**
	 * Answers the next request with this response; queued responses are used in order,
	 * then the standing one ({@link #respond(TargetResponse)}) again. For a token that is
	 * refused once: {@code respondOnce(TargetResponse.invalidToken())}.
	 * @param response the response
	 * @return this target
	 */
	public RecordingTarget respondOnce(TargetResponse response) {
		this.once.add(Args.notNull(response, "response"));
		return this;
	}

	/**
	 * The requests received since start or the last {@link #reset()}, in order of
	 * arrival.
	 * @return the requests
	 */
	public List<TargetRequest> requests() {
		return new ArrayList<>(this.requests);
	}

	/**
	 * How many requests arrived since start or the last {@link #reset()}.
	 * @return the number of requests
	 */
	public int requestCount() {
		return this.requests.size();
	}

	/**
	 * Forgets the received requests and answers {@code 200 OK} again.
	 */
	public void reset() {
		this.once.clear();
		this.standing = TargetResponse.ok();
		this.requests.clear();
	}

	/**
	 * Stops the server, drops open connections and frees the port. Closing again does
	 * nothing.
	 */
	@Override
	public void close() {
		Running current = this.running.getAndSet(null);
		if (current != null) {
			current.stop();
		}
	}

	/**
	 * JUnit callback: notes that the target serves the whole class, and starts it again
	 * on its port if a run of the class in the same JVM closed it (as when Surefire
	 * reruns failed tests).
	 * @param context the class's context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		this.lifecycle.beforeAll(context);
	}

	/**
	 * JUnit callback: resets a target that serves the class, closes one that served the
	 * test.
	 * @param context the test's context
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		this.lifecycle.afterEach(context);
	}

	/**
	 * JUnit callback: closes the target after the class that registered it.
	 * @param context the class's context
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		this.lifecycle.afterAll(context);
	}

	@Override
	public String toString() {
		return "RecordingTarget " + this.baseUrl;
	}

	private TargetResponse nextResponse() {
		TargetResponse next = this.once.poll();
		return (next != null) ? next : this.standing;
	}

	private synchronized void reopen() {
		if (this.running.get() == null) {
			try {
				this.running.set(new Running(this.port, this.handler));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the closed recording target again on " + this.baseUrl, ex);
			}
			reset();
		}
	}

	/**
	 * The server and its threads.
	 */
	private static final class Running {

		private final HttpServer server;

		private final ExecutorService executor;

		Running(int port, TargetHttpHandler handler) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
			int bound = this.server.getAddress().getPort();
			this.server.createContext("/", handler);
			this.executor = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "recording-target-" + bound);
				thread.setDaemon(true);
				return thread;
			});
			this.server.setExecutor(this.executor);
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void stop() {
			this.server.stop(0);
			this.executor.shutdownNow();
		}

	}

}
