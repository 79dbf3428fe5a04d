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

package dev.s2s.security.autoconfigure.outbound;

import java.time.Duration;

import dev.s2s.security.outbound.TokenMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records token requests, failures, latency and cache hits in Micrometer when the
 * application has a {@link MeterRegistry}.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class MetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TokenMetrics s2sTokenMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meterRegistry = registry.getIfAvailable();
		return (meterRegistry != null) ? new MicrometerTokenMetrics(meterRegistry) : TokenMetrics.NONE;
	}

	static final class MicrometerTokenMetrics implements TokenMetrics {

		private final Counter hits;

		private final Counter misses;

		private final Timer successes;

		private final Timer failures;

		MicrometerTokenMetrics(MeterRegistry registry) {
			this.hits = Counter.builder("s2s.outbound.token.cache").tag("result", "hit").register(registry);
			this.misses = Counter.builder("s2s.outbound.token.cache").tag("result", "miss").register(registry);
			this.successes = Timer.builder("s2s.outbound.token.requests").tag("outcome", "success").register(registry);
			this.failures = Timer.builder("s2s.outbound.token.requests").tag("outcome", "failure").register(registry);
		}

		@Override
		public void cacheHit() {
			this.hits.increment();
		}

		@Override
		public void cacheMiss() {
			this.misses.increment();
		}

		@Override
		public void tokenRequest(Duration latency, boolean success) {
			(success ? this.successes : this.failures).record(latency);
		}

	}

}
