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
import io.micrometer.observation.ObservationFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * s2s-security's keys on Spring Security's observations: Boot applies every
 * {@link ObservationFilter} bean to its {@code ObservationRegistry}.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ObservationFilter.class)
class ObservationConfiguration {

	@Bean
	S2sObservationFilter s2sObservationFilter(CallerPolicies policies, ServicePathRules rules) {
		return new S2sObservationFilter(policies, rules);
	}

}
