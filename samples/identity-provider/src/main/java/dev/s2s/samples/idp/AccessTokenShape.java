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
package dev.s2s.samples.idp;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes access tokens the way service-to-service validation needs them, the usual
 * customization of a Spring Authorization Server:
 * <ul>
 * <li>{@code gty}: the grant type the token was issued for ({@code client_credentials},
 * {@code authorization_code}, ...), the evidence s2s-security's
 * {@code spring-authorization-server} preset needs to tell a service's own token from a
 * user's: without it both can look the same, down to {@code sub == client_id} for a user
 * named like the client;</li>
 * <li>{@code client_id} (RFC 9068): the client the token was issued to;</li>
 * <li>{@code aud}: the service the token is for, from the request's {@code audience} or
 * {@code resource} parameter, else from its scopes ({@code inventory.read} is for
 * {@code inventory-service});</li>
 * <li>{@code act} (RFC 8693): on token exchange, the exchanging client acts for the
 * user.</li>
 * </ul>
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenShape {

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> serviceToServiceClaims() {
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			String clientId = context.getRegisteredClient().getClientId();
			context.getClaims().claim("gty", context.getAuthorizationGrantType().getValue());
			context.getClaims().claim("client_id", clientId);
			Set<String> audiences = audiences(context);
			if (!audiences.isEmpty()) {
				context.getClaims().audience(audiences.stream().toList());
			}
			if (AuthorizationGrantType.TOKEN_EXCHANGE.equals(context.getAuthorizationGrantType())) {
				context.getClaims().claims((claims) -> claims.putIfAbsent("act", Map.of("sub", clientId)));
			}
		};
	}

	private static Set<String> audiences(JwtEncodingContext context) {
		Set<String> audiences = new LinkedHashSet<>();
		if (context.getAuthorizationGrant() instanceof OAuth2TokenExchangeAuthenticationToken exchange) {
			audiences.addAll(exchange.getAudiences());
			audiences.addAll(exchange.getResources());
		}
		else if (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant) {
			Map<String, Object> parameters = grant.getAdditionalParameters();
			for (String name : new String[] { "audience", "resource" }) {
				if (parameters.get(name) instanceof String value) {
					audiences.add(value);
				}
			}
		}
		if (audiences.isEmpty()) {
			for (String scope : context.getAuthorizedScopes()) {
				int dot = scope.indexOf('.');
				if (dot > 0) {
					audiences.add(scope.substring(0, dot) + "-service");
				}
			}
		}
		return audiences;
	}

}
