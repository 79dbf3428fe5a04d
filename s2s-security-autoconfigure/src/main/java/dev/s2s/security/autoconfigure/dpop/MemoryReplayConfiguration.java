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

import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.dpop.DPoPProofDecoderFactory;
import dev.s2s.security.dpop.InMemoryDPoPReplayCache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Used proofs in memory, for {@code replay.store: memory} (the default).
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DPoPEnabledCondition.STORE, havingValue = "memory", matchIfMissing = true)
class MemoryReplayConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DPoPProofDecoderFactory s2sDPoPProofDecoderFactory(S2sInboundProperties properties) {
		S2sInboundProperties.Dpop dpop = properties.getDpop();
		return DPoPConfiguration.proofs(properties, new InMemoryDPoPReplayCache(dpop.getProofWindow(),
				dpop.getReplay().getRetryAfter(), dpop.getReplay().getMaximumSize(), Clock.systemUTC()));
	}

}
