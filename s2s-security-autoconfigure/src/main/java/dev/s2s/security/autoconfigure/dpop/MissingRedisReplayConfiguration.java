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

import dev.s2s.security.dpop.DPoPProofDecoderFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code replay.store: redis} without Spring Data Redis on the class path: startup fails,
 * naming the key and what to add.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass("org.springframework.data.redis.core.ReactiveStringRedisTemplate")
@ConditionalOnProperty(name = DPoPEnabledCondition.STORE, havingValue = "redis")
class MissingRedisReplayConfiguration {

	static final String NO_CONNECTION_FACTORY = "No RedisConnectionFactory: add "
			+ "org.springframework.boot:spring-boot-starter-data-redis and set spring.data.redis.host "
			+ "(or spring.data.redis.url), or write 's2s.security.inbound.dpop.replay.store: memory' "
			+ "for a service with one instance.";

	@Bean
	DPoPProofDecoderFactory s2sDPoPProofDecoderFactory() {
		throw new InvalidConfigurationPropertyValueException(DPoPEnabledCondition.STORE, "redis",
				NO_CONNECTION_FACTORY);
	}

}
