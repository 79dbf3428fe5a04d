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

package dev.s2s.security.outbound;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Attaches the target's token to {@code WebClient} requests whose URL belongs to a
 * configured target; other requests, and requests that already carry an
 * {@code Authorization} header, pass unchanged. Never blocks: a cached token is used at
 * once, otherwise the request waits (up to the deadline) on the one token request in
 * flight. The incoming token for {@code forward} and {@code exchange} targets comes from
 * the {@link ReactiveSecurityContextHolder}. A {@code 401 invalid_token} evicts the token
 * and retries once with a fresh one, only for requests without a body, because a body
 * publisher may not be replayable.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServiceTokenExchangeFilterFunction implements ExchangeFilterFunction {

	private final ServiceTokens serviceTokens;

	public ServiceTokenExchangeFilterFunction(ServiceTokens serviceTokens) {
		Assert.notNull(serviceTokens, "serviceTokens cannot be null");
		this.serviceTokens = serviceTokens;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		OutboundTarget target = (request.headers().containsHeader(HttpHeaders.AUTHORIZATION)) ? null
				: this.serviceTokens.findTarget(request.url());
		if (target == null) {
			return next.exchange(request);
		}
		return incoming(target).flatMap((incoming) -> token(target, incoming.orElse(null)).flatMap((token) -> next
			.exchange(withToken(request, token))
			.flatMap((response) -> retryable(target, request, response) ? response.releaseBody().then(Mono.defer(() -> {
				this.serviceTokens.invalidate(target.name(), incoming.orElse(null), token);
				return token(target, incoming.orElse(null))
					.flatMap((fresh) -> next.exchange(withToken(request, fresh)));
			})) : Mono.just(response))));
	}

	private Mono<Optional<AbstractOAuth2Token>> incoming(OutboundTarget target) {
		if (target.identity() == OutboundTarget.Identity.SERVICE) {
			return Mono.just(Optional.empty());
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map((authentication) -> Optional.ofNullable(ServiceTokens.incomingToken(authentication)))
			.defaultIfEmpty(Optional.empty());
	}

	private Mono<String> token(OutboundTarget target, @Nullable AbstractOAuth2Token incoming) {
		return Mono.fromFuture(() -> this.serviceTokens.getTokenAsync(target.name(), incoming))
			.timeout(this.serviceTokens.getDeadline(),
					Mono.error(() -> new ServiceTokenException(
							"No token for target '" + target.name() + "' within " + this.serviceTokens.getDeadline())))
			.onErrorMap((ex) -> !(ex instanceof ServiceTokenException), TokenEndpointClient::failure);
	}

	private static boolean retryable(OutboundTarget target, ClientRequest request, ClientResponse response) {
		return target.identity() != OutboundTarget.Identity.FORWARD
				&& response.statusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)
				&& ServiceTokenInterceptor
					.isInvalidToken(response.headers().asHttpHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
				&& request.body() == BodyInserters.empty();
	}

	private static ClientRequest withToken(ClientRequest request, String token) {
		return ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token)).build();
	}

}
