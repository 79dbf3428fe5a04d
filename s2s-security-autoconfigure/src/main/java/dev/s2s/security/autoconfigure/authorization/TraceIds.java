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

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The current trace id for the correlation filters, when Micrometer Tracing is present
 * and a span is current; otherwise none.
 *
 * @author s2s-security team
 */
final class TraceIds {

	private static final boolean TRACING_PRESENT = ClassUtils.isPresent("io.micrometer.tracing.Tracer",
			TraceIds.class.getClassLoader());

	private TraceIds() {
	}

	static Supplier<@Nullable String> of(ApplicationContext context) {
		return TRACING_PRESENT ? Tracing.traceIds(context.getBeanProvider(Tracer.class)) : () -> null;
	}

	/**
	 * Kept apart so that {@link Tracer} is only loaded when present.
	 */
	private static final class Tracing {

		static Supplier<@Nullable String> traceIds(ObjectProvider<Tracer> tracers) {
			return () -> {
				Tracer tracer = tracers.getIfUnique();
				Span span = (tracer != null) ? tracer.currentSpan() : null;
				return (span != null) ? span.context().traceId() : null;
			};
		}

	}

}
