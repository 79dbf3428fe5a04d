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
package dev.s2s.security.autoconfigure.authorization;

import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decision counters, when Micrometer is present.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class AuthorizationMetricsConfiguration {

	@Bean
	AuthorizationMetrics s2sAuthorizationMetrics(ObjectProvider<MeterRegistry> registry, CallerPolicies policies,
			ServicePathRules rules) {
		return new AuthorizationMetrics(registry, policies, rules);
	}

	@Bean
	RefusalMetrics s2sRefusalMetrics(ObjectProvider<MeterRegistry> registry) {
		return new RefusalMetrics(registry);
	}

}
