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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts decisions in {@value #METER}, tagged {@code outcome} (allowed, denied),
 * {@code reason}, {@code caller.type} (service, user, delegated, none) and
 * {@code caller.id}. Only service ids that a caller annotation or a service-only path
 * names become {@code caller.id} values; every other caller, and every user, is
 * {@code other}, so a flood of made-up client ids cannot flood the registry. Each counter
 * is registered once per tag set and then only incremented; decisions are counted in the
 * application's registry once it has exactly one.
 *
 * @author s2s-security team
 */
final class AuthorizationMetrics implements Consumer<CallerDecision> {

	static final String METER = "s2s.security.authorization.decisions";

	private final ObjectProvider<MeterRegistry> registry;

	private final CallerPolicies policies;

	private final ServicePathRules rules;

	private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

	AuthorizationMetrics(ObjectProvider<MeterRegistry> registry, CallerPolicies policies, ServicePathRules rules) {
		this.registry = registry;
		this.policies = policies;
		this.rules = rules;
	}

	@Override
	public void accept(CallerDecision decision) {
		MeterRegistry meters = this.registry.getIfUnique();
		if (meters == null) {
			return;
		}
		String serviceId = decision.getServiceId();
		// Only ids the policy names become tag values: callers cannot grow the meter
		// count.
		String service = (serviceId != null
				&& (this.policies.serviceIds().contains(serviceId) || this.rules.serviceIds().contains(serviceId)))
						? serviceId : "other";
		Tags tags = new Tags(decision.isGranted() ? "allowed" : "denied", decision.getReason().code(),
				(decision.getCallerType() != null) ? decision.getCallerType().name().toLowerCase(Locale.ROOT) : "none",
				service, (decision.getProof() != null) ? decision.getProof().tag() : "none");
		this.counters.computeIfAbsent(tags, (key) -> register(key, meters)).increment();
	}

	private static Counter register(Tags tags, MeterRegistry registry) {
		return Counter.builder(METER)
			.description("Authorization decisions of s2s-security")
			.tag("outcome", tags.outcome())
			.tag("reason", tags.reason())
			.tag("caller.type", tags.callerType())
			.tag("caller.id", tags.callerId())
			.tag("caller.proof", tags.proof())
			.register(registry);
	}

	private record Tags(String outcome, String reason, String callerType, String callerId, String proof) {

	}

}
