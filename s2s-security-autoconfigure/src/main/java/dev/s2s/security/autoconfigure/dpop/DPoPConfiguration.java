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

import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.dpop.DPoPProofDecoderFactory;
import dev.s2s.security.dpop.DPoPReplayCache;
import dev.s2s.security.inbound.SignatureAlgorithms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules both s2s configurers apply, on the proof verifier of the replay cache's
 * configuration.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class DPoPConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DPoPBinding s2sDPoPBinding(DPoPProofDecoderFactory proofs, S2sInboundProperties properties) {
		return new DPoPBinding(proofs, properties.getDpop().getMode() == S2sInboundProperties.Dpop.Mode.REQUIRED);
	}

	/**
	 * The proof verifier on a replay cache. The cache is no bean: an application's
	 * generic cache manager would otherwise pick it up.
	 */
	static DPoPProofDecoderFactory proofs(S2sInboundProperties properties, DPoPReplayCache cache) {
		properties.validate();
		S2sInboundProperties.Dpop dpop = properties.getDpop();
		return new DPoPProofDecoderFactory(SignatureAlgorithms.parse(dpop.getAlgorithms()), dpop.getProofWindow(),
				cache);
	}

}
