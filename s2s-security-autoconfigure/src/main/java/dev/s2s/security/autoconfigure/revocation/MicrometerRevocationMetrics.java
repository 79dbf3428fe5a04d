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
package dev.s2s.security.autoconfigure.revocation;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.s2s.security.revocation.RevocationKey;
import dev.s2s.security.revocation.RevocationMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Records revocation checks in {@value #CHECKS} (a timer tagged {@code outcome}:
 * {@code accepted}, {@code revoked}, {@code failed-open}, {@code failed-closed}), so its
 * count is the lookups, its time their latency, and the failure outcomes the store
 * failures; and stored revocations in {@value #REVOCATIONS}, tagged {@code kind}. Meters
 * are registered once per tag and then only updated, in the application's registry once
 * it has exactly one.
 *
 * @author s2s-security team
 */
final class MicrometerRevocationMetrics implements RevocationMetrics {

	static final String CHECKS = "s2s.security.inbound.revocation.checks";

	static final String REVOCATIONS = "s2s.security.inbound.revocation.revocations";

	private final ObjectProvider<MeterRegistry> registry;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final Map<RevocationKey.Kind, Counter> counters = new ConcurrentHashMap<>();

	MicrometerRevocationMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void checked(String outcome, Duration latency) {
		MeterRegistry meters = this.registry.getIfUnique();
		if (meters != null) {
			this.timers
				.computeIfAbsent(outcome,
						(key) -> Timer.builder(CHECKS)
							.description("Revocation lookups of inbound tokens, by outcome")
							.tag("outcome", key)
							.register(meters))
				.record(latency);
		}
	}

	@Override
	public void revoked(RevocationKey.Kind kind) {
		MeterRegistry meters = this.registry.getIfUnique();
		if (meters != null) {
			this.counters
				.computeIfAbsent(kind,
						(key) -> Counter.builder(REVOCATIONS)
							.description("Revocations stored, by kind")
							.tag("kind", key.name().toLowerCase(Locale.ROOT))
							.register(meters))
				.increment();
		}
	}

}
