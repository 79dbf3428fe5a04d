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

import dev.s2s.security.revocation.RevocationUnavailableException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reactive twin of {@link RevocationUnavailableEntryPoint}: {@code 503} with
 * {@code Retry-After} when a token's revocation status is unknown, the decorated entry
 * point otherwise.
 *
 * @author s2s-security team
 */
final class RevocationUnavailableServerEntryPoint implements ServerAuthenticationEntryPoint {

	private final ServerAuthenticationEntryPoint delegate;

	RevocationUnavailableServerEntryPoint(ServerAuthenticationEntryPoint delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof RevocationUnavailableException unavailable) {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, unavailable.retryAfterHeader());
			response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
			return response.setComplete();
		}
		return this.delegate.commence(exchange, ex);
	}

}
