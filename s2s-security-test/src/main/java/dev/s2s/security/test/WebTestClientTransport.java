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

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Negative-test requests through a WebTestClient.
 *
 * @author s2s-security team
 */
record WebTestClientTransport(WebTestClient client) implements Transport {

	@Override
	public Response send(HttpMethod method, String path, @Nullable String token, @Nullable String jsonBody) {
		WebTestClient.RequestBodySpec request = this.client.method(method).uri(path);
		if (token != null) {
			request.headers((headers) -> headers.setBearerAuth(token));
		}
		WebTestClient.RequestHeadersSpec<?> ready = (jsonBody != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(jsonBody) : request;
		EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
		return new Response(result.getStatus().value(),
				result.getResponseHeaders().getOrEmpty(HttpHeaders.WWW_AUTHENTICATE));
	}

}
