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
package dev.s2s.security.autoconfigure.actuate;

import java.time.Clock;

import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.outbound.ServiceTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code s2s} health contributor ({@code management.health.s2s.enabled}), in the
 * {@code /actuator/health} aggregate but in no probe group: Boot's liveness and readiness
 * groups take their availability states only, so an identity-provider outage never
 * restarts a service.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnEnabledHealthIndicator("s2s")
class HealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "s2sHealthContributor")
	CompositeHealthContributor s2sHealthContributor(ObjectProvider<S2sJwtDecoder> decoder,
			ObjectProvider<ServiceTokens> tokens) {
		return S2sHealthContributors.of(decoder.getIfAvailable(), tokens.getIfAvailable(), Clock.systemUTC());
	}

}
