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
package dev.s2s.security.autoconfigure.web;

import java.util.List;

import dev.s2s.security.authorization.CorrelationId;
import dev.s2s.security.web.CallerMdc;
import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

/**
 * Registers a {@code ThreadLocalAccessor} per s2s logging key (correlation id, caller
 * type, caller id) that writes the Reactor context's value into the MDC, so that with
 * {@code spring.reactor.context-propagation=auto} every log line of a WebFlux request,
 * the application's own included, carries them. Registering again replaces the accessor
 * of the same key.
 *
 * @author s2s-security team
 */
final class MdcAccessors {

	static final List<String> KEYS = List.of(CorrelationId.MDC_KEY, CallerMdc.CALLER_TYPE, CallerMdc.CALLER_ID);

	private MdcAccessors() {
	}

	static MdcAccessors register() {
		ContextRegistry registry = ContextRegistry.getInstance();
		for (String key : KEYS) {
			registry.registerThreadLocalAccessor(key, () -> MDC.get(key), (value) -> MDC.put(key, value),
					() -> MDC.remove(key));
		}
		return new MdcAccessors();
	}

	@Override
	public String toString() {
		return "MdcAccessors" + KEYS;
	}

}
