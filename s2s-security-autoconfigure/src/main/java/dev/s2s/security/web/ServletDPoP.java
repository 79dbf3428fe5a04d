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

import dev.s2s.security.dpop.DPoPBinding;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.DPoPAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The servlet adapter of {@link DPoPBinding}, on Spring Security's own parts: its
 * {@link DPoPAuthenticationConverter} reads {@code Authorization: DPoP} and the
 * {@code DPoP} header into a {@link DPoPAuthenticationToken}, an
 * {@link AuthenticationFilter} of this chain only authenticates it with the chain's
 * manager, and the token is authenticated by the chain's bearer-token provider before the
 * proof is checked. Spring's {@code dPoP()} configurer is not used: its provider accepts
 * only Spring's own token authentications, and s2s callers are not.
 *
 * @author s2s-security team
 */
final class ServletDPoP {

	private ServletDPoP() {
	}

	/**
	 * The chain's bearer-token provider, refusing bound tokens (and every token where
	 * DPoP is required).
	 */
	static AuthenticationProvider bearer(AuthenticationProvider tokens, DPoPBinding binding) {
		return new AuthenticationProvider() {

			@Override
			public @Nullable Authentication authenticate(Authentication authentication) {
				Authentication caller = tokens.authenticate(authentication);
				if (caller != null) {
					binding.checkBearer(caller);
				}
				return caller;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return tokens.supports(authentication);
			}

		};
	}

	/**
	 * A provider of DPoP requests: the token as by the bearer-token provider, then the
	 * proof.
	 */
	static AuthenticationProvider proof(AuthenticationProvider tokens, DPoPBinding binding) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				DPoPAuthenticationToken request = (DPoPAuthenticationToken) authentication;
				Authentication caller = tokens
					.authenticate(new BearerTokenAuthenticationToken(request.getAccessToken()));
				if (caller == null) {
					throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
							"Unable to authenticate the DPoP-bound access token", DPoPBinding.ERROR_URI));
				}
				return binding.verify(caller, request);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return DPoPAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

	/**
	 * The filter authenticating DPoP requests, before the bearer-token filter (which
	 * leaves requests of the {@code DPoP} scheme alone).
	 */
	static AuthenticationFilter filter(AuthenticationManager manager, AuthenticationEntryPoint refusals,
			SecurityContextHolderStrategy strategy) {
		AuthenticationFilter filter = new AuthenticationFilter(manager, new DPoPAuthenticationConverter());
		filter.setRequestMatcher(ServletDPoP::isDPoPRequest);
		filter.setSuccessHandler((request, response, authentication) -> {
			// continue down the chain
		});
		AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(refusals);
		failures.setRethrowAuthenticationServiceException(false);
		filter.setFailureHandler(failures);
		filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
		filter.setSecurityContextHolderStrategy(strategy);
		return filter;
	}

	private static boolean isDPoPRequest(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "DPoP", 0, 4);
	}

}
