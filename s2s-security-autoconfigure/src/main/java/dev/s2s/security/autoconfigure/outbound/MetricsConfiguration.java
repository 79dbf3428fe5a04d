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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Records token requests, failures, latency and cache hits in Micrometer, tagged by
 * target, when the application has a {@link MeterRegistry}.
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

		private final MeterRegistry registry;

		// One set of meters per target; targets are configured, so this stays small.
		private final Map<String, Meters> meters = new ConcurrentHashMap<>();

		MicrometerTokenMetrics(MeterRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void cacheHit(String target) {
			meters(target).hits().increment();
		}

		@Override
		public void cacheMiss(String target) {
			meters(target).misses().increment();
		}

		@Override
		public void tokenRequest(String target, Duration latency, boolean success) {
			Meters meters = meters(target);
			(success ? meters.successes() : meters.failures()).record(latency);
		}

		private Meters meters(String target) {
			Meters existing = this.meters.get(target);
			return (existing != null) ? existing : this.meters.computeIfAbsent(target, this::register);
		}

		private Meters register(String target) {
			return new Meters(counter(target, "hit"), counter(target, "miss"), timer(target, "success"),
					timer(target, "failure"));
		}

		private Counter counter(String target, String result) {
			return Counter.builder("s2s.security.outbound.token.cache")
				.tag("target", target)
				.tag("result", result)
				.register(this.registry);
		}

		private Timer timer(String target, String outcome) {
			return Timer.builder("s2s.security.outbound.token.requests")
				.tag("target", target)
				.tag("outcome", outcome)
				.register(this.registry);
		}

		private record Meters(Counter hits, Counter misses, Timer successes, Timer failures) {

		}

	}

}
