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

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.outbound.TokenMetrics;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ServiceTokensConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceTokens serviceTokens(S2sOutboundProperties properties, ServiceIdentity identity,
			ObjectProvider<TokenMetrics> metrics, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<ServiceTokensBuilderCustomizer> customizers, ObjectProvider<SslBundles> bundles) {
		ServiceTokens.Builder builder = ServiceTokensFactory.builder(properties, identity,
				metrics.getIfAvailable(() -> TokenMetrics.NONE), bundles.getIfAvailable());
		builder.observations(observations.getIfUnique(() -> ObservationRegistry.NOOP));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		ServiceTokens tokens = builder.build();
		String bundle = properties.getSslBundle();
		SslBundles registry = bundles.getIfAvailable();
		if (bundle != null && registry != null) {
			// Tokens bound to the old certificate would be refused with the new one.
			registry.addBundleUpdateHandler(bundle, (updated) -> tokens.invalidateAll());
		}
		return tokens;
	}

	@Bean
	TargetCertificates s2sTargetCertificates(S2sOutboundProperties properties, ObjectProvider<SslBundles> bundles,
			Environment environment) {
		return TargetCertificates.of(properties, bundles.getIfAvailable(), environment);
	}

}
