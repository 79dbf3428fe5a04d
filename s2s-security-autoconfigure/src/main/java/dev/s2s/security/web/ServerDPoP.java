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

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.s2s.security.dpop.DPoPBinding;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.DPoPAuthenticationConverter;

/**
 * The WebFlux adapter of {@link DPoPBinding} (Spring Security has none): reads
 * {@code Authorization: DPoP} and the {@code DPoP} header as Spring's servlet
 * {@link DPoPAuthenticationConverter} does, and authenticates the token with the chain's
 * bearer-token manager before the proof is checked, off the event loop (the replay cache
 * may be across the network).
 *
 * @author s2s-security team
 */
final class ServerDPoP {

	private static final Pattern DPOP = Pattern.compile("^DPoP (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	private ServerDPoP() {
	}

	static boolean isDPoPRequest(List<String> authorization) {
		return authorization.size() == 1 && authorization.get(0).regionMatches(true, 0, "DPoP", 0, 4);
	}

	/**
	 * The DPoP request of an exchange whose one {@code Authorization} header has the
	 * {@code DPoP} scheme.
	 */
	static DPoPAuthenticationToken convert(ServerHttpRequest request, String authorization) {
		Matcher matcher = DPOP.matcher(authorization);
		if (!matcher.matches()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "DPoP access token is malformed.", null));
		}
		List<String> proofs = request.getHeaders().getOrEmpty("DPoP");
		if (proofs.size() != 1 || proofs.get(0).isEmpty()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "DPoP proof is missing or invalid.", null));
		}
		return new DPoPAuthenticationToken(matcher.group("token"), proofs.get(0), request.getMethod().name(),
				targetUri(request.getURI()));
	}

	/** The request URI without query and fragment, as the servlet request URL. */
	private static String targetUri(URI uri) {
		StringBuilder target = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority());
		String path = uri.getRawPath();
		return target.append((path != null) ? path : "").toString();
	}

	/**
	 * The chain's bearer-token manager, refusing bound tokens (and every bearer token
	 * where DPoP is required), and authenticating DPoP requests with their proof.
	 */
	static ReactiveAuthenticationManager manager(ReactiveAuthenticationManager tokens, @Nullable DPoPBinding binding) {
		if (binding == null) {
			return tokens;
		}
		return (authentication) -> {
			if (authentication instanceof DPoPAuthenticationToken request) {
				return tokens.authenticate(new BearerTokenAuthenticationToken(request.getAccessToken()))
					.publishOn(Schedulers.boundedElastic())
					.map((caller) -> binding.verify(caller, request));
			}
			return tokens.authenticate(authentication).doOnNext(binding::checkBearer);
		};
	}

}
