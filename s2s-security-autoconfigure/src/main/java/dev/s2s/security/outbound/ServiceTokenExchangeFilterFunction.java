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

import org.slf4j.MDC;
import dev.s2s.security.authorization.CorrelationId;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
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
 * (at most once per token key every ten seconds) and retries once with a fresh one, only
 * for requests without a body, because a body publisher may not be replayable; a request
 * with a body gets the {@code 401}, and the next request the fresh token. A filter never
 * sees the redirects its connector follows: on a {@code WebClient} you build yourself,
 * use a connector that does not follow redirects, such as
 * {@code new JdkClientHttpConnector()}. For a target that requires DPoP, every request
 * carries a fresh proof, and a {@code 401 use_dpop_nonce} with a new {@code DPoP-Nonce}
 * is sent once more with it (requests without a body only).
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServiceTokenExchangeFilterFunction implements ExchangeFilterFunction {

	private final ServiceTokens serviceTokens;

	/**
	 * Create a filter function.
	 * @param serviceTokens where the tokens come from
	 */
	public ServiceTokenExchangeFilterFunction(ServiceTokens serviceTokens) {
		Assert.notNull(serviceTokens, "serviceTokens cannot be null");
		this.serviceTokens = serviceTokens;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		OutboundTarget target = TokenAttachment.target(this.serviceTokens, request.headers(), request.url());
		if (target == null) {
			return next.exchange(request);
		}
		// The reactive filter puts the id in the context; a blocking caller has it in the
		// MDC of the thread that subscribes, which is this one.
		String threadId = MDC.get(CorrelationId.MDC_KEY);
		return Mono.deferContextual((context) -> {
			ClientRequest correlated = correlated(request, context.getOrDefault(CorrelationId.MDC_KEY, threadId));
			return incoming(target).flatMap((incoming) -> exchange(correlated, next, target, incoming.orElse(null)));
		});
	}

	private static ClientRequest correlated(ClientRequest request, @Nullable String id) {
		return ClientRequest.from(request).headers((headers) -> TokenAttachment.correlate(headers, id)).build();
	}

	private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next, OutboundTarget target,
			@Nullable AbstractOAuth2Token incoming) {
		return token(target, incoming).flatMap((token) -> next.exchange(withToken(request, token))
			.flatMap((response) -> withNonce(request, next, token, response))
			.flatMap((response) -> {
				if (!TokenAttachment.isRejected(target, response.statusCode(), response.headers().asHttpHeaders())
						|| !this.serviceTokens.invalidate(target.name(), incoming, token.value())
						|| request.body() != BodyInserters.empty()) {
					// A body publisher may not be replayable: a request with a body only
					// evicts the token, for the next request.
					return Mono.just(response);
				}
				return response.releaseBody()
					.then(Mono.defer(() -> token(target, incoming)
						.flatMap((fresh) -> next.exchange(withToken(request, fresh)))));
			}));
	}

	/**
	 * RFC 9449 section 9: a {@code 401 use_dpop_nonce} with a new nonce is answered by
	 * sending the request once more with a proof carrying it (only without a body, as for
	 * retries).
	 */
	private Mono<ClientResponse> withNonce(ClientRequest request, ExchangeFunction next, CachedToken token,
			ClientResponse response) {
		if (!token.isDPoP() || !this.serviceTokens.dpopNonce(request.url(),
				response.headers().asHttpHeaders().getFirst(DPoPProofs.NONCE))) {
			return Mono.just(response);
		}
		if (!DPoPProofs.asksForNonce(response.statusCode(),
				response.headers().asHttpHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
				|| request.body() != BodyInserters.empty()) {
			return Mono.just(response);
		}
		return response.releaseBody().then(Mono.defer(() -> next.exchange(withToken(request, token))));
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

	private Mono<CachedToken> token(OutboundTarget target, @Nullable AbstractOAuth2Token incoming) {
		// suppressCancel: the future is shared by every caller waiting for this token, so
		// one cancelled request must not cancel it for the others.
		return Mono.fromFuture(() -> this.serviceTokens.tokenAsync(target.name(), incoming), true)
			.timeout(this.serviceTokens.getDeadline(),
					Mono.error(() -> this.serviceTokens.noTokenInTime(target.name())))
			.onErrorMap((ex) -> !(ex instanceof ServiceTokenException), TokenEndpointClient::failure);
	}

	/**
	 * The request with the token, and for a DPoP-bound one a fresh proof (built when the
	 * request is sent, so that each attempt has its own).
	 */
	private ClientRequest withToken(ClientRequest request, CachedToken token) {
		return ClientRequest.from(request).headers((headers) -> {
			headers.set(HttpHeaders.AUTHORIZATION, token.authorization());
			if (token.isDPoP()) {
				headers.set(DPoPProofs.DPOP,
						this.serviceTokens.dpopProof(request.method().name(), request.url(), token));
			}
		}).build();
	}

}
