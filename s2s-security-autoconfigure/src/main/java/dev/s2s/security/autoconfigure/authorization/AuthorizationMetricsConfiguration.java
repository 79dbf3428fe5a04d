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

import java.util.Locale;

import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.S2sAuthorizationEvent;
import dev.s2s.security.authorization.ServicePathRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts decisions in {@code s2s.security.authorization.decisions}, tagged
 * {@code outcome} (allowed, denied), {@code reason}, {@code caller.type} (service, user,
 * delegated, none) and {@code caller.id}. Only service ids that a caller annotation or a
 * service-only path names become {@code caller.id} values; every other caller, and every
 * user, is {@code other}, so a flood of made-up client ids cannot flood the registry.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class AuthorizationMetricsConfiguration {

	static final String METER = "s2s.security.authorization.decisions";

	@Bean
	ApplicationListener<S2sAuthorizationEvent> s2sAuthorizationMetrics(ObjectProvider<MeterRegistry> registry,
			CallerPolicies policies, ServicePathRules rules) {
		return (event) -> {
			MeterRegistry meters = registry.getIfUnique();
			if (meters == null) {
				return;
			}
			String serviceId = event.getServiceId();
			boolean known = serviceId != null
					&& (policies.serviceIds().contains(serviceId) || rules.serviceIds().contains(serviceId));
			Counter.builder(METER)
				.description("Authorization decisions of s2s-security")
				.tag("outcome", event.isGranted() ? "allowed" : "denied")
				.tag("reason", event.getReason().code())
				.tag("caller.type",
						(event.getCallerType() != null) ? event.getCallerType().name().toLowerCase(Locale.ROOT)
								: "none")
				.tag("caller.id", known ? serviceId : "other")
				.register(meters)
				.increment();
		};
	}

}
