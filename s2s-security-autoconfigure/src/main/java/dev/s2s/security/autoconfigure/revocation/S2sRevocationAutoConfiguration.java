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
package dev.s2s.security.autoconfigure.revocation;

import dev.s2s.security.autoconfigure.inbound.ConditionalOnTrustedIssuers;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of token revocation, when
 * {@code s2s.security.inbound.revocation.store} is {@code memory} or {@code redis}: the
 * store, the check added to the s2s decoder, the {@code TokenRevocation} API, Micrometer
 * metrics and the {@code s2srevocation} Actuator endpoint. It runs after Boot's Redis
 * auto-configuration, whose {@code RedisConnectionFactory} the Redis store uses.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
@AutoConfiguration(after = S2sInboundAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(BearerTokenAuthenticationToken.class)
@ConditionalOnTrustedIssuers
@Conditional(RevocationEnabledCondition.class)
@EnableConfigurationProperties(S2sInboundProperties.class)
@Import({ MemoryStoreConfiguration.class, RedisStoreConfiguration.class, MissingRedisConfiguration.class,
		RevocationConfiguration.class, RevocationMetricsConfiguration.class, RevocationEndpointConfiguration.class })
public final class S2sRevocationAutoConfiguration {

}
