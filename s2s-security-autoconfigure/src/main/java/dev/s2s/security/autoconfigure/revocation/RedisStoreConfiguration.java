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

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.revocation.RedisRevocationStore;
import dev.s2s.security.revocation.RevocationStore;

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
 * The Redis store, for {@code store: redis}, on the application's
 * {@link RedisConnectionFactory} (Boot's, from {@code spring.data.redis.*}). Without one,
 * startup fails and says what to write.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ ReactiveStringRedisTemplate.class, RedisConnectionFactory.class })
@ConditionalOnProperty(name = RevocationEnabledCondition.STORE, havingValue = "redis")
class RedisStoreConfiguration {

	@Bean
	@ConditionalOnMissingBean(RevocationStore.class)
	RedisRevocationStore s2sRevocationStore(ObjectProvider<RedisConnectionFactory> factories,
			S2sInboundProperties properties, ServiceIdentity identity) {
		RedisConnectionFactory factory = factories.getIfUnique();
		if (!(factory instanceof ReactiveRedisConnectionFactory reactive)) {
			throw new InvalidConfigurationPropertyValueException(RevocationEnabledCondition.STORE, "redis",
					(factory == null) ? MissingRedisConfiguration.NO_CONNECTION_FACTORY
							: "The RedisConnectionFactory must be Lettuce's (Boot's default with "
									+ "spring-boot-starter-data-redis); found " + factory.getClass().getSimpleName()
									+ ".");
		}
		return new RedisRevocationStore(new ReactiveStringRedisTemplate(reactive),
				"s2s:revocation:" + identity.serviceId() + ":", properties.getRevocation().getTimeout());
	}

}
