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
package dev.s2s.security.autoconfigure.authorization;

import dev.s2s.security.autoconfigure.inbound.ConditionalOnTrustedIssuers;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of caller authorization, wherever inbound validation is configured:
 * {@code @ServiceCaller}, {@code @UserCaller} and {@code @DelegatedCaller} enforced on
 * Spring MVC and WebFlux without {@code @EnableMethodSecurity}, a default for handlers
 * that name no caller, service-only and public paths
 * ({@code s2s.security.authorization.*}), Spring Security's authorization events for each
 * decision (and an Actuator {@code AuditEvent} when Actuator is present), a Micrometer
 * counter, correlation ids and a startup log line per protected endpoint. The s2s filter
 * chains that enforce them are configured by {@code S2sWebSecurityAutoConfiguration}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@AutoConfiguration(after = S2sInboundAutoConfiguration.class)
@ConditionalOnClass(BearerTokenAuthenticationToken.class)
@ConditionalOnTrustedIssuers
@EnableConfigurationProperties(S2sAuthorizationProperties.class)
@Import({ AuthorizationCoreConfiguration.class, ServletAuthorizationConfiguration.class,
		ReactiveAuthorizationConfiguration.class, AuthorizationMetricsConfiguration.class,
		AuditEventConfiguration.class, ObservationConfiguration.class })
public final class S2sAuthorizationAutoConfiguration {

}
