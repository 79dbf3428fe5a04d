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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Before any load: the server answers as its variant must, so that no figure comes from a
 * server that accepts what it should refuse (or refuses everything).
 *
 * @author s2s-security team
 */
final class Sanity {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Sanity() {
	}

	static void check(ServerProcess server, Variant variant, TokenPools tokens)
			throws IOException, InterruptedException {
		expect(server, variant, "a valid token", tokens.validToken(), 200);
		expect(server, variant, "no token", null, variant.authenticates() ? 401 : 200);
		String[] kinds = { "a token signed with a foreign key", "an expired token", "a token for another audience" };
		for (int i = 0; i < kinds.length; i++) {
			expect(server, variant, kinds[i], tokens.invalidSamples().get(i), variant.verifies() ? 401 : 200);
		}
	}

	private static void expect(ServerProcess server, Variant variant, String what, String token, int status)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/stock"))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != status || (status == 200 && !EndToEndServer.BODY.equals(response.body()))) {
			throw new IllegalStateException(variant.label() + " answered " + response.statusCode() + " to " + what
					+ ", expected " + status + " (body: " + response.body() + ")");
		}
	}

}
