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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationToken;

/**
 * Publishes authentication events through the application's publisher with the bearer
 * token of a failed authentication replaced by a fingerprint ({@code token-sha256:} and
 * the first 16 hex digits of its SHA-256). Spring Security's failure event carries the
 * rejected {@link BearerTokenAuthenticationToken}, whose principal is the raw token, and
 * Spring Boot's audit listener stores that principal as the audit event's principal; the
 * fingerprint still tells repeated attempts with one token apart.
 *
 * @author s2s-security team
 */
final class TokenHidingAuthenticationEventPublisher implements AuthenticationEventPublisher {

	private final AuthenticationEventPublisher delegate;

	TokenHidingAuthenticationEventPublisher(AuthenticationEventPublisher delegate) {
		this.delegate = delegate;
	}

	@Override
	public void publishAuthenticationSuccess(Authentication authentication) {
		this.delegate.publishAuthenticationSuccess(authentication);
	}

	@Override
	public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
		if (authentication instanceof BearerTokenAuthenticationToken bearer) {
			BearerTokenAuthenticationToken hidden = new BearerTokenAuthenticationToken(fingerprint(bearer.getToken()));
			hidden.setDetails(bearer.getDetails());
			authentication = hidden;
		}
		else if (authentication instanceof DPoPAuthenticationToken dpop) {
			// The token and its proof: only the token's fingerprint is published.
			BearerTokenAuthenticationToken hidden = new BearerTokenAuthenticationToken(
					fingerprint(dpop.getAccessToken()));
			hidden.setDetails(dpop.getDetails());
			authentication = hidden;
		}
		this.delegate.publishAuthenticationFailure(exception, authentication);
	}

	static String fingerprint(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return "token-sha256:" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}

}
