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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Negative-test requests over HTTP, with the JDK's client.
 *
 * @author s2s-security team
 */
final class HttpTransport implements Transport {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final URI baseUri;

	HttpTransport(URI baseUri) {
		this.baseUri = baseUri;
	}

	@Override
	public Response send(HttpMethod method, String path, @Nullable String token, @Nullable String jsonBody)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUri.resolve(path))
			.timeout(TIMEOUT)
			.method(method.name(), (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		return new Response(response.statusCode(), response.headers().allValues("WWW-Authenticate"));
	}

}
