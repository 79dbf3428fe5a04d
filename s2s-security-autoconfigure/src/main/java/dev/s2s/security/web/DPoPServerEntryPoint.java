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

import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.dpop.DPoPReplayUnavailableException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * The WebFlux twin of {@link DPoPEntryPoint}.
 *
 * @author s2s-security team
 */
final class DPoPServerEntryPoint implements ServerAuthenticationEntryPoint {

	private final ServerAuthenticationEntryPoint delegate;

	private final DPoPBinding binding;

	private DPoPServerEntryPoint(ServerAuthenticationEntryPoint delegate, DPoPBinding binding) {
		this.delegate = delegate;
		this.binding = binding;
	}

	static ServerAuthenticationEntryPoint decorate(ServerAuthenticationEntryPoint entryPoint,
			@Nullable DPoPBinding binding) {
		return (binding != null) ? new DPoPServerEntryPoint(entryPoint, binding) : entryPoint;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (failure instanceof DPoPReplayUnavailableException unavailable) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, unavailable.retryAfterHeader());
			response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
			return response.setComplete();
		}
		String challenge = DPoPChallenges.of(this.binding, failure);
		if (challenge == null) {
			return this.delegate.commence(exchange, failure);
		}
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		return response.setComplete();
	}

}
