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
package dev.s2s.security.autoconfigure.web;

import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.ConditionalOnTrustedIssuers;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of s2s-security's own filter chain, on Spring MVC or WebFlux: it
 * handles every request that no filter chain of the application handles first, validating
 * bearer tokens and enforcing the s2s rules. It is ordered last, so chains the
 * application defines (say for {@code /ui/**}) keep their requests and their settings; a
 * chain of the application that handles every request replaces it if it applies s2s
 * itself ({@code S2sHttpConfigurer}), and fails startup otherwise. It runs before Boot's
 * web security, whose default chain then backs off.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@AutoConfiguration(after = { S2sInboundAutoConfiguration.class, S2sAuthorizationAutoConfiguration.class },
		beforeName = {
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration" })
@ConditionalOnClass(BearerTokenAuthenticationToken.class)
@ConditionalOnTrustedIssuers
@Import({ ServletWebSecurityConfiguration.class, ReactiveWebSecurityConfiguration.class })
public final class S2sWebSecurityAutoConfiguration {

}
