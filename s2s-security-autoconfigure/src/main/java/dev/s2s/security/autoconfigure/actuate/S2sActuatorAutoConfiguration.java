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
package dev.s2s.security.autoconfigure.actuate;

import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundAutoConfiguration;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of s2s-security's Actuator support: the {@code s2s} endpoint
 * ({@link S2sEndpoint}) and the {@code s2s} health contributor.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
@AutoConfiguration(after = { S2sInboundAutoConfiguration.class, S2sOutboundAutoConfiguration.class,
		S2sAuthorizationAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@Import({ EndpointConfiguration.class, HealthConfiguration.class })
public final class S2sActuatorAutoConfiguration {

}
