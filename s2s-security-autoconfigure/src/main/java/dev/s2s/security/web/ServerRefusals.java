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

import java.util.Optional;

import dev.s2s.security.authorization.CorrelationId;
import dev.s2s.security.dpop.DPoPReplayUnavailableException;
import dev.s2s.security.revocation.RevocationUnavailableException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decorates the entry point and access-denied handler of a reactive s2s chain (the
 * refusal is recorded, then answered as before), and publishes the events Spring Security
 * publishes on servlet only: an authentication success or failure per bearer token, and
 * an {@link AuthorizationDeniedEvent} for a request without one.
 *
 * @author s2s-security team
 */
final class ServerRefusals implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("s2s-security", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final ServerAuthenticationEntryPoint entryPoint;

	private final ServerAccessDeniedHandler accessDenied;

	private final RefusalRecorder recorder;

	ServerRefusals(ServerAuthenticationEntryPoint entryPoint, ServerAccessDeniedHandler accessDenied,
			RefusalRecorder recorder) {
		this.entryPoint = entryPoint;
		this.accessDenied = accessDenied;
		this.recorder = recorder;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		return Mono.fromRunnable(
				() -> this.recorder.record(Refusal.unauthenticated(status(failure), failure, request(exchange)), true))
			.then(this.entryPoint.commence(exchange, failure));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).doOnNext((principal) -> {
			Authentication caller = (principal.orElse(null) instanceof Authentication it) ? it : null;
			this.recorder.record(Refusal.denied(HttpStatus.FORBIDDEN.value(), denied, request(exchange), caller),
					!ServletRefusals.isCallerDecision(denied));
		}).then(this.accessDenied.handle(exchange, denied));
	}

	/**
	 * A manager that publishes Spring Security's authentication events around another.
	 */
	static ReactiveAuthenticationManager publishing(ReactiveAuthenticationManager manager,
			AuthenticationEventPublisher events) {
		return (authentication) -> manager.authenticate(authentication)
			.doOnNext(events::publishAuthenticationSuccess)
			.doOnError(AuthenticationException.class, (ex) -> events.publishAuthenticationFailure(ex, authentication));
	}

	/**
	 * {@code authenticated()}, publishing an {@link AuthorizationDeniedEvent} for the
	 * anonymous user when it denies, as Spring Security's servlet
	 * {@code AuthorizationFilter} does.
	 */
	ReactiveAuthorizationManager<AuthorizationContext> authenticated() {
		AuthenticatedReactiveAuthorizationManager<AuthorizationContext> authenticated = AuthenticatedReactiveAuthorizationManager
			.authenticated();
		return (authentication, context) -> authentication.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((caller) -> authenticated.authorize(Mono.justOrEmpty(caller), context)
				.doOnNext((result) -> publishDenial(caller.orElse(ANONYMOUS), context, result)));
	}

	private void publishDenial(Authentication caller, AuthorizationContext context, AuthorizationResult result) {
		if (!result.isGranted()) {
			this.recorder.publish(new AuthorizationDeniedEvent<>(() -> caller, context.getExchange(), result));
		}
	}

	private static int status(AuthenticationException failure) {
		if (failure instanceof RevocationUnavailableException || failure instanceof DPoPReplayUnavailableException) {
			return HttpStatus.SERVICE_UNAVAILABLE.value();
		}
		if (failure instanceof OAuth2AuthenticationException oauth
				&& oauth.getError() instanceof BearerTokenError error) {
			return error.getHttpStatus().value();
		}
		return HttpStatus.UNAUTHORIZED.value();
	}

	private static Refusal.Request request(ServerWebExchange exchange) {
		@Nullable Object correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
		return new Refusal.Request(exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
				(correlationId != null) ? correlationId.toString() : null);
	}

}
