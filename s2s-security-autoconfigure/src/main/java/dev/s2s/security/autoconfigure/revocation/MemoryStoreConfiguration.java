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

import java.time.Clock;

import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.revocation.InMemoryRevocationStore;
import dev.s2s.security.revocation.RevocationStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-memory store, for {@code store: memory}.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RevocationEnabledCondition.STORE, havingValue = "memory")
class MemoryStoreConfiguration {

	@Bean
	@ConditionalOnMissingBean(RevocationStore.class)
	InMemoryRevocationStore s2sRevocationStore(S2sInboundProperties properties) {
		return new InMemoryRevocationStore(properties.getRevocation().getMaximumSize(), Clock.systemUTC());
	}

}
