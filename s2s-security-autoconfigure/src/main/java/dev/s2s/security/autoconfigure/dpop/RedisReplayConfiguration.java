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

import java.time.Clock;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.dpop.DPoPProofDecoderFactory;
import dev.s2s.security.dpop.RedisDPoPReplayCache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Used proofs in Redis, for {@code replay.store: redis}, on the application's
 * {@link RedisConnectionFactory} (Boot's, from {@code spring.data.redis.*}). Without one,
 * startup fails and says what to write.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ ReactiveStringRedisTemplate.class, RedisConnectionFactory.class })
@ConditionalOnProperty(name = DPoPEnabledCondition.STORE, havingValue = "redis")
class RedisReplayConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DPoPProofDecoderFactory s2sDPoPProofDecoderFactory(ObjectProvider<RedisConnectionFactory> factories,
			S2sInboundProperties properties, ServiceIdentity identity) {
		RedisConnectionFactory factory = factories.getIfUnique();
		if (!(factory instanceof ReactiveRedisConnectionFactory reactive)) {
			throw new InvalidConfigurationPropertyValueException(DPoPEnabledCondition.STORE, "redis",
					(factory == null) ? MissingRedisReplayConfiguration.NO_CONNECTION_FACTORY
							: "The RedisConnectionFactory must be Lettuce's (Boot's default with "
									+ "spring-boot-starter-data-redis); found " + factory.getClass().getSimpleName()
									+ ".");
		}
		S2sInboundProperties.Dpop dpop = properties.getDpop();
		return DPoPConfiguration.proofs(properties,
				new RedisDPoPReplayCache(new ReactiveStringRedisTemplate(reactive),
						"s2s:dpop:" + identity.serviceId() + ":", dpop.getReplay().getTimeout(), dpop.getProofWindow(),
						dpop.getReplay().getRetryAfter(), Clock.systemUTC()));
	}

}
