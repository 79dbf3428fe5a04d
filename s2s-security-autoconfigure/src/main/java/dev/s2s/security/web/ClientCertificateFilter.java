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

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Collections;

import dev.s2s.security.workload.CertificateAuthenticator;
import dev.s2s.security.workload.ForwardedCertificates;
import dev.s2s.security.workload.RejectedCertificateException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet adapter of {@link CertificateAuthenticator}: after the bearer token filter,
 * it combines the token's caller with the client certificate the container verified
 * ({@code jakarta.servlet.request.X509Certificate}), or the one a trusted proxy forwarded
 * (judged by the TCP peer, see {@link PeerAddresses}); a refusal goes to the chain's
 * entry point, as a token's does.
 *
 * @author s2s-security team
 */
final class ClientCertificateFilter extends OncePerRequestFilter {

	static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

	private final CertificateAuthenticator authenticator;

	private final AuthenticationEntryPoint entryPoint;

	private final AuthenticationEventPublisher events;

	private final SecurityContextHolderStrategy strategy;

	private final RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	ClientCertificateFilter(CertificateAuthenticator authenticator, AuthenticationEntryPoint entryPoint,
			AuthenticationEventPublisher events, SecurityContextHolderStrategy strategy) {
		this.authenticator = authenticator;
		this.entryPoint = entryPoint;
		this.events = events;
		this.strategy = strategy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = this.strategy.getContext().getAuthentication();
		X509Certificate certificate = null;
		Authentication caller;
		try {
			certificate = certificate(request);
			caller = this.authenticator.authenticate(current, certificate);
		}
		catch (RejectedCertificateException ex) {
			this.strategy.clearContext();
			this.events.publishAuthenticationFailure(ClientCertificates.failure(ex),
					ClientCertificates.attempt(current, certificate));
			this.entryPoint.commence(request, response, ex);
			return;
		}
		if (caller != null && caller != current) {
			SecurityContext context = this.strategy.createEmptyContext();
			context.setAuthentication(caller);
			this.strategy.setContext(context);
			this.repository.saveContext(context, request, response);
			if (current == null || !current.isAuthenticated()) {
				this.events.publishAuthenticationSuccess(caller);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * From a trusted proxy, the certificate it forwards (and never the connection's);
	 * from anyone else, the connection's (and never a header's).
	 */
	private @Nullable X509Certificate certificate(HttpServletRequest request) {
		ForwardedCertificates forwarded = this.authenticator.forwarded();
		if (forwarded != null && forwarded.trusts(PeerAddresses.of(request))) {
			return forwarded.read(Collections.list(request.getHeaders(forwarded.header())));
		}
		return (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) ? chain[0]
				: null;
	}

}
