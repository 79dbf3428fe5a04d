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
package dev.s2s.security.autoconfigure.outbound;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * Applies {@link TargetRedirects} and {@link TargetCertificates} to {@code RestClient}
 * and {@code RestTemplate}: target URLs go through the target's factory (no redirects,
 * the target's client certificate), other URLs through the application's own.
 *
 * @author s2s-security team
 */
final class TargetRedirectsRequestFactory implements ClientHttpRequestFactory {

	private final TargetClients<ClientHttpRequestFactory> clients;

	private final TargetRedirects redirects;

	TargetRedirectsRequestFactory(TargetClients<ClientHttpRequestFactory> clients, TargetRedirects redirects) {
		this.clients = clients;
		this.redirects = redirects;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
		String target = this.redirects.targetOf(uri);
		return (target != null) ? new TargetRequest(uri, method, target)
				: this.clients.others().createRequest(uri, method);
	}

	private final class TargetRequest extends AbstractBufferingClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final String target;

		TargetRequest(URI uri, HttpMethod method, String target) {
			this.uri = uri;
			this.method = method;
			this.target = target;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
			URI url = this.uri;
			for (int followed = 0;; followed++) {
				ClientHttpResponse response = send(url, headers, body);
				if (!TargetRedirectsRequestFactory.this.clients.followRedirects()) {
					return response;
				}
				URI next = TargetRedirectsRequestFactory.this.redirects.next(url, this.method, response.getStatusCode(),
						response.getHeaders().getFirst(HttpHeaders.LOCATION), followed);
				if (next == null) {
					return response;
				}
				response.close();
				url = next;
			}
		}

		private ClientHttpResponse send(URI url, HttpHeaders headers, byte[] body) throws IOException {
			// A redirect is followed only within the target: the same client.
			ClientHttpRequest request = TargetRedirectsRequestFactory.this.clients.forTarget(this.target)
				.createRequest(url, this.method);
			request.getHeaders().putAll(headers);
			if (body.length > 0) {
				StreamUtils.copy(body, request.getBody());
			}
			return request.execute();
		}

	}

}
