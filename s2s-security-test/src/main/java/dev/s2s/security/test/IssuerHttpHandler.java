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
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * Routes requests to discovery, JWKS and the token endpoint, applies injected faults, and
 * logs every request.
 *
 * @author s2s-security team
 */
final class IssuerHttpHandler implements HttpHandler {

	private static final String GARBAGE = "<html><body><h1>502 Bad Gateway</h1></body></html>";

	private final IssuerUris uris;

	private final KeyRing keys;

	private final TokenEndpoint tokenEndpoint;

	private final Map<Endpoint, EndpointControl> controls;

	private final Queue<RecordedRequest> log;

	private final @Nullable URI mutualTlsTokenUri;

	IssuerHttpHandler(IssuerUris uris, KeyRing keys, TokenEndpoint tokenEndpoint,
			Map<Endpoint, EndpointControl> controls, Queue<RecordedRequest> log, @Nullable URI mutualTlsTokenUri) {
		this.mutualTlsTokenUri = mutualTlsTokenUri;
		this.uris = uris;
		this.keys = keys;
		this.tokenEndpoint = tokenEndpoint;
		this.controls = controls;
		this.log = log;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		Endpoint endpoint = this.uris.route(exchange.getRequestURI().getPath());
		try {
			IssuerRequest request = IssuerRequest.read(exchange);
			IssuerResponse response = respondOrFail(endpoint, request);
			// Logged before answering: a client that got its answer finds its request in
			// the log.
			this.log.add(record(endpoint, request, (response != null) ? response.status() : 0));
			if (response != null) {
				send(exchange, response);
			}
		}
		finally {
			// Closing before the response headers were sent drops the connection.
			exchange.close();
		}
	}

	private @Nullable IssuerResponse respondOrFail(Endpoint endpoint, IssuerRequest request) {
		EndpointControl control = this.controls.get(endpoint);
		Fault fault = (control != null) ? control.nextFault() : null;
		if (fault == null) {
			return respond(endpoint, request);
		}
		if (fault.kind() == Fault.Kind.DELAY) {
			try {
				Thread.sleep(fault.delay().toMillis());
			}
			catch (InterruptedException ex) {
				// The issuer is closing: drop the connection.
				Thread.currentThread().interrupt();
				return null;
			}
			return respond(endpoint, request);
		}
		return faulty(fault);
	}

	private @Nullable IssuerResponse faulty(Fault fault) {
		return switch (fault.kind()) {
			case DOWN, DELAY -> null;
			case HTTP_500 -> IssuerResponse.text(500, "Internal Server Error");
			case GARBAGE -> IssuerResponse.json(200, GARBAGE);
		};
	}

	private IssuerResponse respond(Endpoint endpoint, IssuerRequest request) {
		if (endpoint == Endpoint.TOKEN) {
			return this.tokenEndpoint.handle(request);
		}
		if (endpoint == Endpoint.OTHER) {
			return IssuerResponse.text(404, "Not Found");
		}
		if (!"GET".equals(request.method())) {
			return IssuerResponse.text(405, "Use GET").header("Allow", "GET");
		}
		return (endpoint == Endpoint.JWKS) ? IssuerResponse.json(200, this.keys.jwks())
				: IssuerResponse.json(200, discovery());
	}

	private Map<String, Object> discovery() {
		List<String> algorithms = this.keys.publishedAlgorithms()
			.stream()
			.map((algorithm) -> algorithm.jwsAlgorithm().getName())
			.toList();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", this.uris.issuer().toString());
		metadata.put("jwks_uri", this.uris.jwks().toString());
		metadata.put("token_endpoint", this.uris.token().toString());
		metadata.put("grant_types_supported", List.of(TokenEndpoint.CLIENT_CREDENTIALS, TokenEndpoint.TOKEN_EXCHANGE));
		List<String> methods = new ArrayList<>(List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
		if (this.mutualTlsTokenUri != null) {
			// RFC 8705 sections 2, 3.3 and 5.
			methods.addAll(List.of("tls_client_auth", "self_signed_tls_client_auth"));
			metadata.put("tls_client_certificate_bound_access_tokens", true);
			metadata.put("mtls_endpoint_aliases", Map.of("token_endpoint", this.mutualTlsTokenUri.toString()));
		}
		metadata.put("token_endpoint_auth_methods_supported", methods);
		metadata.put("token_endpoint_auth_signing_alg_values_supported",
				Stream.of(SigningAlgorithm.values()).map((a) -> a.jwsAlgorithm().getName()).toList());
		metadata.put("id_token_signing_alg_values_supported", algorithms);
		metadata.put("subject_types_supported", List.of("public"));
		metadata.put("response_types_supported", List.of("token"));
		return metadata;
	}

	private static void send(HttpExchange exchange, IssuerResponse response) throws IOException {
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", response.contentType());
		response.headers().forEach(exchange.getResponseHeaders()::set);
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static RecordedRequest record(Endpoint endpoint, IssuerRequest request, int status) {
		if (endpoint != Endpoint.TOKEN) {
			return new RecordedRequest(endpoint, request.method(), request.path(), status, null, null, null, List.of(),
					List.of(), null);
		}
		return new RecordedRequest(endpoint, request.method(), request.path(), status, request.first("grant_type"),
				request.claimedClientId(), request.clientAuthentication(), request.params("audience"),
				request.params("resource"), request.first("scope"));
	}

}
