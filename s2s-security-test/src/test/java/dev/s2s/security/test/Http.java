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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Real HTTP calls to a {@link FakeTokenIssuer}, and token inspection, for the tests.
 */
final class Http {

	static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	static HttpResponse<String> get(URI uri) throws IOException {
		return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
	}

	static HttpResponse<String> postForm(URI uri, String form, String... headers) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	static String form(String... namesAndValues) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.append((i > 0) ? "&" : "")
				.append(encode(namesAndValues[i]))
				.append('=')
				.append(encode(namesAndValues[i + 1]));
		}
		return form.toString();
	}

	static String basic(String clientId, String secret) {
		String credentials = encode(clientId) + ":" + encode(secret);
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	static Map<String, Object> json(HttpResponse<String> response) {
		try {
			return JSONObjectUtils.parse(response.body());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Not JSON: " + response.body(), ex);
		}
	}

	/** The decoded header; also of unsecured ({@code alg: none}) tokens. */
	static Map<String, Object> header(String token) {
		return segment(token, 0);
	}

	static Map<String, Object> claims(String token) {
		return segment(token, 1);
	}

	private static Map<String, Object> segment(String token, int index) {
		try {
			return JSONObjectUtils.parse(new Base64URL(token.split("\\.")[index]).decodeToString());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JWSObject parse(String token) {
		try {
			return JWSObject.parse(token);
		}
		catch (ParseException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String query(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

}
