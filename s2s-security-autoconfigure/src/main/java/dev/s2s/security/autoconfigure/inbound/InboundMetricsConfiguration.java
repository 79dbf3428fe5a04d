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
package dev.s2s.security.autoconfigure.inbound;

import dev.s2s.security.inbound.S2sJwtDecoder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hit and miss counters of the verified-token cache, when Micrometer is present.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterBinder.class)
class InboundMetricsConfiguration {

	@Bean
	MeterBinder s2sVerifiedTokenCacheMetrics(ObjectProvider<S2sJwtDecoder> decoder) {
		return (registry) -> decoder.ifAvailable((d) -> {
			FunctionCounter.builder("s2s.security.inbound.token.cache", d, (it) -> it.cacheStats().hitCount())
				.tag("result", "hit")
				.description("Tokens served from the verified-token cache")
				.register(registry);
			FunctionCounter.builder("s2s.security.inbound.token.cache", d, (it) -> it.cacheStats().missCount())
				.tag("result", "miss")
				.description("Tokens verified because they were not in the cache")
				.register(registry);
		});
	}

}
