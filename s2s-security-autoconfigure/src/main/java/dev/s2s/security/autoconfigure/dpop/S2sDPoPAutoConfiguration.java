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
package dev.s2s.security.autoconfigure.dpop;

import dev.s2s.security.autoconfigure.inbound.ConditionalOnTrustedIssuers;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationToken;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of DPoP (RFC 9449), when {@code s2s.security.inbound.dpop.mode} is
 * {@code accepted} or {@code required}: the proof verifier with its replay cache (in
 * memory, or in the Redis of Boot's {@code RedisConnectionFactory}) and the
 * {@code DPoPBinding} both s2s configurers apply. It runs after Boot's Redis
 * auto-configuration.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
@AutoConfiguration(after = S2sInboundAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(DPoPAuthenticationToken.class)
@ConditionalOnTrustedIssuers
@Conditional(DPoPEnabledCondition.class)
@EnableConfigurationProperties(S2sInboundProperties.class)
@Import({ MemoryReplayConfiguration.class, RedisReplayConfiguration.class, MissingRedisReplayConfiguration.class,
		DPoPConfiguration.class })
public final class S2sDPoPAutoConfiguration {

}
