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

import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Applies {@link TargetRedirects} and {@link TargetCertificates} to {@code WebClient}:
 * target URLs go through the target's connector (no redirects, the target's client
 * certificate), other URLs through the application's own. Following a redirect writes the
 * request again; only bodiless methods are followed.
 *
 * @author s2s-security team
 */
final class TargetRedirectsConnector implements ClientHttpConnector {

	private final TargetClients<ClientHttpConnector> clients;

	private final TargetRedirects redirects;

	TargetRedirectsConnector(TargetClients<ClientHttpConnector> clients, TargetRedirects redirects) {
		this.clients = clients;
		this.redirects = redirects;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		String target = this.redirects.targetOf(uri);
		return (target != null) ? send(method, uri, target, requestCallback, 0)
				: this.clients.others().connect(method, uri, requestCallback);
	}

	private Mono<ClientHttpResponse> send(HttpMethod method, URI uri, String target,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback, int followed) {
		// A redirect is followed only within the target: the same connector.
		Mono<ClientHttpResponse> sent = Mono
			.defer(() -> this.clients.forTarget(target).connect(method, uri, requestCallback));
		if (!this.clients.followRedirects()) {
			return sent;
		}
		return sent.flatMap((response) -> {
			URI next = this.redirects.next(uri, method, response.getStatusCode(),
					response.getHeaders().getFirst(HttpHeaders.LOCATION), followed);
			if (next == null) {
				return Mono.just(response);
			}
			return response.getBody()
				.doOnNext(DataBufferUtils::release)
				.then(Mono.defer(() -> send(method, next, target, requestCallback, followed + 1)));
		});
	}

}
