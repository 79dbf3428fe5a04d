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
import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.util.Assert;

/**
 * Attaches the target's token to {@code RestClient} and {@code RestTemplate} requests
 * whose URL belongs to a configured target; other requests, and requests that already
 * carry an {@code Authorization} header, pass unchanged. When the target answers
 * {@code 401} with {@code invalid_token}, the token is evicted and the request is sent
 * once more with a fresh one (the body of an intercepted request is a byte array, so it
 * can always be replayed), at most once per token key every ten seconds. An interceptor
 * never sees the redirects its client follows, and the JDK client re-sends the token to
 * whatever host a redirect names: on a client you build yourself, do not follow redirects
 * (the auto-configured builders apply a same-target-only rule, see
 * {@code docs/outbound.md}). For a target that requires DPoP, the token is DPoP-bound and
 * every request (retries included) carries a fresh proof with {@code ath}; a {@code 401}
 * {@code use_dpop_nonce} with a new {@code DPoP-Nonce} is answered by sending the request
 * once more with a proof carrying it.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServiceTokenInterceptor implements ClientHttpRequestInterceptor {

	private final ServiceTokens serviceTokens;

	/**
	 * Create an interceptor.
	 * @param serviceTokens where the tokens come from
	 */
	public ServiceTokenInterceptor(ServiceTokens serviceTokens) {
		Assert.notNull(serviceTokens, "serviceTokens cannot be null");
		this.serviceTokens = serviceTokens;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		OutboundTarget target = TokenAttachment.target(this.serviceTokens, request.getHeaders(), request.getURI());
		if (target == null) {
			return execution.execute(request, body);
		}
		AbstractOAuth2Token incoming = (target.identity() != OutboundTarget.Identity.SERVICE)
				? ServiceTokens.incomingToken(SecurityContextHolder.getContext().getAuthentication()) : null;
		TokenAttachment.correlate(request.getHeaders(), MDC.get(CorrelationId.MDC_KEY));
		CachedToken token = this.serviceTokens.token(target.name(), incoming);
		attach(request, token);
		ClientHttpResponse response = execution.execute(request, body);
		if (token.isDPoP()
				&& this.serviceTokens.dpopNonce(request.getURI(), response.getHeaders().getFirst(DPoPProofs.NONCE))
				&& DPoPProofs.asksForNonce(response.getStatusCode(),
						response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))) {
			// RFC 9449 section 9: once more, with a proof carrying the new nonce.
			response.close();
			attach(request, token);
			response = execution.execute(request, body);
		}
		if (!TokenAttachment.isRejected(target, response.getStatusCode(), response.getHeaders())
				|| !this.serviceTokens.invalidate(target.name(), incoming, token.value())) {
			return response;
		}
		response.close();
		attach(request, this.serviceTokens.token(target.name(), incoming));
		return execution.execute(request, body);
	}

	/**
	 * The token, and for a DPoP-bound one a fresh proof of this request.
	 */
	private void attach(HttpRequest request, CachedToken token) {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, token.authorization());
		if (token.isDPoP()) {
			request.getHeaders()
				.set(DPoPProofs.DPOP,
						this.serviceTokens.dpopProof(request.getMethod().name(), request.getURI(), token));
		}
	}

}
