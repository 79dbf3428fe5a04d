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

import dev.s2s.security.web.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts every refusal of an s2s chain as {@value #METER}, tagged with {@code status},
 * {@code reason} and {@code caller.type}: a few dozen series at most, whatever callers
 * send.
 *
 * @author s2s-security team
 */
final class RefusalMetrics implements Consumer<Refusal> {

	static final String METER = "s2s.security.inbound.refusals";

	private final ObjectProvider<MeterRegistry> registry;

	private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

	RefusalMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void accept(Refusal refusal) {
		MeterRegistry meters = this.registry.getIfUnique();
		if (meters == null) {
			return;
		}
		Tags tags = new Tags(String.valueOf(refusal.getStatus()), refusal.getReason(),
				(refusal.getCallerType() != null) ? refusal.getCallerType().name().toLowerCase(Locale.ROOT) : "none");
		this.counters.computeIfAbsent(tags, (key) -> register(key, meters)).increment();
	}

	private static Counter register(Tags tags, MeterRegistry registry) {
		return Counter.builder(METER)
			.description("Requests s2s-security refused (401, 403, 400), by reason")
			.tag("status", tags.status())
			.tag("reason", tags.reason())
			.tag("caller.type", tags.callerType())
			.register(registry);
	}

	private record Tags(String status, String reason, String callerType) {

	}

}
