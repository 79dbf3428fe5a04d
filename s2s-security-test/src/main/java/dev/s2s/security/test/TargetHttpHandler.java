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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Records each request of a {@link RecordingTarget}, then answers it.
 *
 * @author s2s-security team
 */
final class TargetHttpHandler implements HttpHandler {

	private final Supplier<TargetResponse> responses;

	private final Consumer<TargetRequest> log;

	TargetHttpHandler(Supplier<TargetResponse> responses, Consumer<TargetRequest> log) {
		this.responses = responses;
		this.log = log;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			// Recorded before answering: a client that got its answer finds its request.
			this.log.accept(new TargetRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
			send(exchange, this.responses.get());
		}
		finally {
			exchange.close();
		}
	}

	private static void send(HttpExchange exchange, TargetResponse response) throws IOException {
		int status = response.statusCode();
		boolean bodyAllowed = status != 204 && status != 304 && !"HEAD".equals(exchange.getRequestMethod());
		byte[] body = bodyAllowed ? response.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
		response.headers().forEach(exchange.getResponseHeaders()::set);
		if (body.length > 0 && !exchange.getResponseHeaders().containsKey("Content-Type")) {
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		}
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
