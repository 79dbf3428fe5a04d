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

import dev.s2s.security.authorization.CorrelationId;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The rules {@link ServiceTokenInterceptor} and
 * {@link ServiceTokenExchangeFilterFunction} share: which requests get a token, and which
 * answers earn one retry with a fresh one.
 *
 * @author s2s-security team
 */
final class TokenAttachment {

	/**
	 * Lower case: the headers' case-insensitive lookup lower-cases every name it is
	 * given, which costs nothing for a name that already is.
	 */
	private static final String AUTHORIZATION = "authorization";

	private TokenAttachment() {
	}

	/**
	 * The target whose token a request needs; {@code null} when the URL belongs to no
	 * target or the caller set the {@code Authorization} header itself.
	 */
	static @Nullable OutboundTarget target(ServiceTokens tokens, HttpHeaders headers, URI url) {
		return headers.containsHeader(AUTHORIZATION) ? null : tokens.findTarget(url);
	}

	/**
	 * Carry the correlation id of the request being served on to the target, unless the
	 * caller set one.
	 */
	static void correlate(HttpHeaders headers, @Nullable String id) {
		if (CorrelationId.isValid(id) && !headers.containsHeader(CorrelationId.HEADER)) {
			headers.set(CorrelationId.HEADER, id);
		}
	}

	/**
	 * Whether the target rejected the token we chose: {@code 401} with
	 * {@code invalid_token}. A forwarded token is the caller's, not ours to renew.
	 */
	static boolean isRejected(OutboundTarget target, HttpStatusCode status, HttpHeaders headers) {
		if (target.identity() == OutboundTarget.Identity.FORWARD || !status.isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
			return false;
		}
		String challenge = headers.getFirst(HttpHeaders.WWW_AUTHENTICATE);
		return challenge != null && challenge.contains("invalid_token");
	}

}
