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
package dev.s2s.security.authorization;

import dev.s2s.security.caller.CallerAuthentication;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a denied, authenticated WebFlux request; the reactive twin of
 * {@link S2sAccessDeniedHandler}, with the same answers.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sServerAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ServerAccessDeniedHandler delegate = new BearerTokenServerAccessDeniedHandler();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		CallerDecision decision = CallerDecision.of(denied);
		if (decision != null) {
			return forbidden(exchange, decision.challenge());
		}
		// Another rule (say @PreAuthorize) denied: a bearer caller hears what Spring's
		// handler says for its own token authentications.
		return exchange.getPrincipal()
			.map((principal) -> principal instanceof CallerAuthentication caller && caller.getToken() != null)
			.defaultIfEmpty(false)
			.flatMap((bearer) -> bearer ? forbidden(exchange, CallerDecision.INSUFFICIENT_SCOPE)
					: this.delegate.handle(exchange, denied));
	}

	private static Mono<Void> forbidden(ServerWebExchange exchange, @Nullable String challenge) {
		return Mono.defer(() -> {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.FORBIDDEN);
			if (challenge != null) {
				response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
			return response.setComplete();
		});
	}

}
