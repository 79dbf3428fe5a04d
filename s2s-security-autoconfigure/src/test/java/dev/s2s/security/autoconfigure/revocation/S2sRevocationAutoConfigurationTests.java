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

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.revocation.InMemoryRevocationStore;
import dev.s2s.security.revocation.RevocationCheck;
import dev.s2s.security.revocation.RevocationEndpoint;
import dev.s2s.security.revocation.RevocationStore;
import dev.s2s.security.revocation.TokenRevocation;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S2sRevocationAutoConfiguration}.
 */
class S2sRevocationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
				S2sRevocationAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform");

	@Test
	void backsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(S2sJwtDecoder.class)
			.doesNotHaveBean(RevocationStore.class)
			.doesNotHaveBean(RevocationCheck.class)
			.doesNotHaveBean(TokenRevocation.class));
	}

	@Test
	void memoryStoreConfiguresTheCheckTheApiAndTheEndpoint() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.revocation.store=memory")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InMemoryRevocationStore.class)
				.hasSingleBean(RevocationCheck.class)
				.hasSingleBean(TokenRevocation.class)
				.hasSingleBean(RevocationEndpoint.class)
				.hasSingleBean(MicrometerRevocationMetrics.class));
	}

	@Test
	void storeBacksOffWhenTheApplicationDefinesOne() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.revocation.store=memory")
			.withBean("myStore", RevocationStore.class,
					() -> new InMemoryRevocationStore(10, java.time.Clock.systemUTC()))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RevocationStore.class)
				.hasBean("myStore"));
	}

	@Test
	void redisStoreWithoutAConnectionFactoryFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.revocation.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.revocation.store")
				.hasMessageContaining("spring-boot-starter-data-redis")
				.hasMessageContaining("store: memory"));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.revocation.store=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.revocation.store")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	@Test
	void nonPositiveTimeoutFailsStartup() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.revocation.store=memory",
					"s2s.security.inbound.revocation.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.revocation.timeout"));
	}

}
