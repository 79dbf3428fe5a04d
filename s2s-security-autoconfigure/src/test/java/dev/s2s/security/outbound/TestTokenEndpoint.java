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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real token endpoint on loopback that counts requests, records their parameters and
 * answers what a test tells it to, optionally after waiting on a gate.
 */
public final class TestTokenEndpoint implements AutoCloseable {

	private static final int RESET = -1;

	private static final int DRIBBLE = -2;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger requests = new AtomicInteger();

	private final List<Map<String, String>> parameters = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> dpopProofs = new CopyOnWriteArrayList<>();

	private volatile IntFunction<Reply> responder = (n) -> Reply.token("token-" + n, 300);

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile String discovery = "";

	private volatile String authorizationServerMetadata = "";

	private volatile String metadataPath = "";

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger maxOpen = new AtomicInteger();

	private TestTokenEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/oauth2/token", this::token);
		this.server.createContext("/.well-known/openid-configuration", this::discovery);
		this.server.createContext("/.well-known/oauth-authorization-server",
				(exchange) -> send(exchange, exchange.getRequestURI().getPath().equals(this.metadataPath)
						? document(this.authorizationServerMetadata) : document("")));
		this.server.start();
	}

	public static TestTokenEndpoint start() {
		try {
			return new TestTokenEndpoint();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public URI tokenUri() {
		return URI.create(issuer() + "/oauth2/token");
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int requests() {
		return this.requests.get();
	}

	/**
	 * The most token requests that were open at the same time.
	 */
	public int maxOpen() {
		return this.maxOpen.get();
	}

	/**
	 * Token requests still open now.
	 */
	public int open() {
		return this.open.get();
	}

	public List<Map<String, String>> parameters() {
		return this.parameters;
	}

	public List<String> authorizations() {
		return this.authorizations;
	}

	/**
	 * The {@code DPoP} header of each token request, empty when it had none.
	 */
	public List<String> dpopProofs() {
		return this.dpopProofs;
	}

	/**
	 * Answer request number {@code n} (from 1) with {@code responder.apply(n)}.
	 */
	public TestTokenEndpoint respond(IntFunction<Reply> responder) {
		this.responder = responder;
		return this;
	}

	/**
	 * Hold every token request until the returned latch is counted down.
	 */
	public CountDownLatch hold() {
		CountDownLatch latch = new CountDownLatch(1);
		this.gate = latch;
		return latch;
	}

	public void enableDiscovery() {
		this.discovery = "{\"issuer\":\"" + issuer() + "\",\"token_endpoint\":\"" + tokenUri() + "\"}";
	}

	/**
	 * Serve RFC 8414 metadata for {@code issuer} at the well-known URL of that issuer
	 * only, naming this endpoint's token URL.
	 */
	public void enableAuthorizationServerMetadata(String issuer) {
		this.metadataPath = "/.well-known/oauth-authorization-server" + URI.create(issuer).getPath();
		this.authorizationServerMetadata = "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + tokenUri() + "\"}";
	}

	private Reply document(String json) {
		return json.isEmpty() ? new Reply(404, "text/plain", "no") : new Reply(200, "application/json", json);
	}

	private void token(HttpExchange exchange) throws IOException {
		int now = this.open.incrementAndGet();
		this.maxOpen.accumulateAndGet(now, Math::max);
		try {
			answer(exchange);
		}
		finally {
			this.open.decrementAndGet();
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		int n = this.requests.incrementAndGet();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.parameters.add(parse(body));
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.authorizations.add((authorization != null) ? authorization : "");
		String dpop = exchange.getRequestHeaders().getFirst("DPoP");
		this.dpopProofs.add((dpop != null) ? dpop : "");
		try {
			this.gate.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Reply reply = this.responder.apply(n);
		if (reply.status() == RESET) {
			exchange.close();
			return;
		}
		if (reply.status() == DRIBBLE) {
			dribble(exchange);
			return;
		}
		send(exchange, reply);
	}

	private void discovery(HttpExchange exchange) throws IOException {
		send(exchange, document(this.discovery));
	}

	/**
	 * Start a JSON answer and send one byte every 50 ms for up to 30 s: only the client
	 * going away ends it.
	 */
	private static void dribble(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 0; i < 600; i++) {
				out.write(' ');
				out.flush();
				Thread.sleep(50);
			}
		}
		catch (IOException ex) {
			// The client aborted the exchange.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, Reply reply) throws IOException {
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		if (reply.contentType() != null) {
			exchange.getResponseHeaders().add("Content-Type", reply.contentType());
		}
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// The client gave up (too large, timed out).
		}
	}

	private static Map<String, String> parse(String body) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				String[] parts = pair.split("=", 2);
				parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return parameters;
	}

	@Override
	public void close() {
		this.gate.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * What the endpoint answers.
	 */
	public record Reply(int status, String contentType, String body, Map<String, String> headers) {

		public Reply(int status, String contentType, String body) {
			this(status, contentType, body, Map.of());
		}

		public Reply withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Reply(this.status, this.contentType, this.body, headers);
		}

		/**
		 * A token response whose {@code access_token} is the given JSON string literal
		 * (with its quotes), so that a test can send escapes.
		 */
		public static Reply tokenJson(String accessTokenLiteral, String expiresIn) {
			return new Reply(200, "application/json", "{\"access_token\":" + accessTokenLiteral
					+ ",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
		}

		public static Reply token(String value, Integer expiresIn) {
			return new Reply(200, "application/json", "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\""
					+ ((expiresIn != null) ? ",\"expires_in\":" + expiresIn : "") + "}");
		}

		public static Reply error(int status, String code) {
			return new Reply(status, "application/json",
					"{\"error\":\"" + code + "\",\"error_description\":\"secret detail\"}");
		}

		/**
		 * Close the connection without an answer.
		 */
		public static Reply reset() {
			return new Reply(RESET, null, "");
		}

		/**
		 * Start a 200 answer and never finish it.
		 */
		public static Reply dribble() {
			return new Reply(DRIBBLE, null, "");
		}

	}

}
