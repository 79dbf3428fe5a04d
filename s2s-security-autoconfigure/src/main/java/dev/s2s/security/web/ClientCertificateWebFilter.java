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
package dev.s2s.security.web;

import java.security.cert.X509Certificate;
import java.util.Optional;

import dev.s2s.security.workload.CertificateAuthenticator;
import dev.s2s.security.workload.ForwardedCertificates;
import dev.s2s.security.workload.RejectedCertificateException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.SslInfo;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebFlux adapter of {@link CertificateAuthenticator}: after the bearer token's
 * authentication, it combines the token's caller with the client certificate the server
 * verified ({@link SslInfo#getPeerCertificates()}), or the one a trusted proxy forwarded
 * (judged by the TCP peer, see {@link PeerAddresses}); a refusal goes to the chain's
 * entry point, as a token's does.
 *
 * @author s2s-security team
 */
final class ClientCertificateWebFilter implements WebFilter {

	private final CertificateAuthenticator authenticator;

	private final ServerAuthenticationEntryPoint entryPoint;

	private final AuthenticationEventPublisher events;

	ClientCertificateWebFilter(CertificateAuthenticator authenticator, ServerAuthenticationEntryPoint entryPoint,
			AuthenticationEventPublisher events) {
		this.authenticator = authenticator;
		this.entryPoint = entryPoint;
		this.events = events;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.flatMap((context) -> Mono.justOrEmpty(context.getAuthentication()))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> {
				Authentication current = found.orElse(null);
				X509Certificate certificate = null;
				Authentication caller;
				try {
					certificate = certificate(exchange);
					caller = this.authenticator.authenticate(current, certificate);
				}
				catch (RejectedCertificateException ex) {
					this.events.publishAuthenticationFailure(ClientCertificates.failure(ex),
							ClientCertificates.attempt(current, certificate));
					return this.entryPoint.commence(exchange, ex);
				}
				if (caller == null || caller == current) {
					return chain.filter(exchange);
				}
				if (current == null || !current.isAuthenticated()) {
					this.events.publishAuthenticationSuccess(caller);
				}
				return chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller));
			});
	}

	/**
	 * From a trusted proxy, the certificate it forwards (and never the connection's);
	 * from anyone else, the connection's (and never a header's).
	 */
	private @Nullable X509Certificate certificate(ServerWebExchange exchange) {
		ForwardedCertificates forwarded = this.authenticator.forwarded();
		if (forwarded != null && forwarded.trusts(PeerAddresses.of(exchange.getRequest()))) {
			return forwarded.read(exchange.getRequest().getHeaders().getOrEmpty(forwarded.header()));
		}
		SslInfo ssl = exchange.getRequest().getSslInfo();
		X509Certificate[] chain = (ssl != null) ? ssl.getPeerCertificates() : null;
		return (chain != null && chain.length > 0) ? chain[0] : null;
	}

}
