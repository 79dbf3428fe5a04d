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
 * {@code docs/outbound.md}).
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
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, token.authorization());
		ClientHttpResponse response = execution.execute(request, body);
		if (!TokenAttachment.isRejected(target, response.getStatusCode(), response.getHeaders())
				|| !this.serviceTokens.invalidate(target.name(), incoming, token.value())) {
			return response;
		}
		response.close();
		request.getHeaders()
			.set(HttpHeaders.AUTHORIZATION, this.serviceTokens.token(target.name(), incoming).authorization());
		return execution.execute(request, body);
	}

}
