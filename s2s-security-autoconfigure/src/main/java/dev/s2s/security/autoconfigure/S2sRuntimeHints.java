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
package dev.s2s.security.autoconfigure;

import java.util.List;

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerProof;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What s2s-security reads reflectively in a native image: the caller annotations (whose
 * attributes Spring's merged annotations invoke), the authentications and the decision
 * (read by SpEL in {@code @PreAuthorize}; s2s chains are stateless, so nothing is
 * serialised), the refusal (read by SpEL in event listeners) and the Actuator endpoint.
 * Token responses and discovery documents are parsed by Nimbus, not by Jackson, so no
 * JSON type needs a hint.
 *
 * @author s2s-security team
 */
final class S2sRuntimeHints implements RuntimeHintsRegistrar {

	private static final String ENDPOINT = "dev.s2s.security.autoconfigure.actuate.S2sEndpoint";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> annotation : List.of(ServiceCaller.class, UserCaller.class, DelegatedCaller.class)) {
			hints.reflection().registerType(annotation, MemberCategory.INVOKE_DECLARED_METHODS);
		}
		for (Class<?> type : List.of(CallerAuthentication.class, ServiceAuthentication.class, UserAuthentication.class,
				DelegatedAuthentication.class, CallerDecision.class, CallerProof.class, Refusal.class)) {
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		if (ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint", classLoader)) {
			hints.reflection()
				.registerType(ClassUtils.resolveClassName(ENDPOINT, classLoader), MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
