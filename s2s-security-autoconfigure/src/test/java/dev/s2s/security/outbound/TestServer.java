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

package dev.s2s.security.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A downstream service on loopback that records the Authorization header of each request
 * ("" when absent) and answers what a test tells it to.
 */
public final class TestServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final String host;

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> paths = new CopyOnWriteArrayList<>();

	private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

	private volatile BiFunction<HttpExchange, String, Integer> handler = (exchange, authorization) -> 200;

	private TestServer(String host) throws IOException {
		this.host = host;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start a server reached as {@code host} (both "127.0.0.1" and "localhost" resolve to
	 * loopback, so two servers can look like two hosts).
	 */
	public static TestServer start(String host) {
		try {
			return new TestServer(host);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://" + this.host + ":" + this.server.getAddress().getPort();
	}

	public List<String> authorizations() {
		return this.authorizations;
	}

	public List<String> paths() {
		return this.paths;
	}

	/**
	 * The headers of each request, names in lower case.
	 */
	public List<Map<String, List<String>>> headers() {
		return this.headers;
	}

	/**
	 * Answer {@code 302} with {@code Location: location} to requests for {@code path},
	 * {@code 200} to others.
	 */
	public TestServer redirect(String path, String location) {
		return handler((exchange, authorization) -> {
			if (!exchange.getRequestURI().getPath().equals(path)) {
				return 200;
			}
			exchange.getResponseHeaders().add("Location", location);
			return 302;
		});
	}

	/**
	 * Answer with the status the handler returns; it may set response headers.
	 */
	public TestServer handler(BiFunction<HttpExchange, String, Integer> handler) {
		this.handler = handler;
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		authorization = (authorization != null) ? authorization : "";
		this.authorizations.add(authorization);
		this.paths.add(exchange.getRequestURI().getPath());
		Map<String, List<String>> copy = new TreeMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), values));
		this.headers.add(copy);
		int status = this.handler.apply(exchange, authorization);
		byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
