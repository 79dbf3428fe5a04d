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
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.dpop.DPoPProofDecoderFactory;
import dev.s2s.security.dpop.InMemoryDPoPReplayCache;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S2sDPoPAutoConfiguration}.
 */
class S2sDPoPAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
				S2sDPoPAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform");

	@Test
	void backsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(DPoPBinding.class)
			.doesNotHaveBean(DPoPProofDecoderFactory.class));
	}

	@Test
	void acceptedModeConfiguresTheRulesOnAMemoryReplayCacheThatIsNoCacheBean() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.dpop.mode=accepted").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DPoPBinding.class)
				.hasSingleBean(DPoPProofDecoderFactory.class)
				.doesNotHaveBean(Cache.class);
			assertThat(context.getBean(DPoPBinding.class).isRequired()).isFalse();
			assertThat(context.getBean(DPoPBinding.class).getAlgorithms()).containsExactly("ES256", "EdDSA", "PS256",
					"RS256");
		});
	}

	@Test
	void requiredModeRefusesBearerTokens() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.dpop.mode=required", "s2s.security.inbound.dpop.algorithms=ES256")
			.run((context) -> {
				assertThat(context.getBean(DPoPBinding.class).isRequired()).isTrue();
				assertThat(context.getBean(DPoPBinding.class).getAlgorithms()).containsExactly("ES256");
			});
	}

	@Test
	void rulesBackOffWhenTheApplicationDefinesThem() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.dpop.mode=accepted")
			.withBean("myProofs", DPoPProofDecoderFactory.class,
					() -> new DPoPProofDecoderFactory(Set.of(JWSAlgorithm.ES256), Duration.ofSeconds(10),
							new InMemoryDPoPReplayCache(Duration.ofSeconds(10), Duration.ofSeconds(1), 10,
									Clock.systemUTC())))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DPoPProofDecoderFactory.class)
				.hasBean("myProofs"));
	}

	@Test
	void symmetricAlgorithmFailsStartupNamingTheKey() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.dpop.mode=accepted",
					"s2s.security.inbound.dpop.algorithms=ES256,HS256")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.dpop.algorithms")
				.hasMessageContaining("symmetric"));
	}

	@Test
	void longProofWindowFailsStartupNamingTheKey() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.dpop.mode=accepted", "s2s.security.inbound.dpop.proof-window=10m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.dpop.proof-window"));
	}

	@Test
	void settingsWhileDPoPIsOffFailStartupSayingWhatToWrite() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.dpop.replay.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.dpop.replay.store")
				.hasMessageContaining("mode: accepted"));
	}

	@Test
	void redisReplayCacheWithoutAConnectionFactoryFailsStartupNamingTheKey() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.dpop.mode=accepted",
					"s2s.security.inbound.dpop.replay.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.dpop.replay.store")
				.hasMessageContaining("spring-boot-starter-data-redis")
				.hasMessageContaining("replay.store: memory"));
	}

	@Test
	void redisReplayCacheWithoutSpringDataRedisFailsStartupNamingTheKey() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.dpop.mode=accepted",
					"s2s.security.inbound.dpop.replay.store=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.dpop.replay.store")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

}
