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
package dev.s2s.security.web;

import java.util.Locale;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * The caller of a request in the logging context, next to its correlation id
 * ({@code correlationId}): {@value #CALLER_TYPE} ({@code service}, {@code user} or
 * {@code delegated}) and {@value #CALLER_ID} (the calling service, or the user for a user
 * caller). s2s filter chains put them in the MDC on servlet, and in the Reactor context
 * on WebFlux, from where context propagation
 * ({@code spring.reactor.context-propagation=auto}) restores them into the MDC for the
 * application's own log lines.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class CallerMdc {

	/**
	 * The key of the caller's type.
	 */
	public static final String CALLER_TYPE = "callerType";

	/**
	 * The key of the caller's id.
	 */
	public static final String CALLER_ID = "callerId";

	private CallerMdc() {
	}

	/**
	 * The caller's type as it is logged.
	 * @param authentication the authentication
	 * @return {@code service}, {@code user} or {@code delegated}, or {@code null} for no
	 * s2s caller
	 */
	public static @Nullable String type(@Nullable Authentication authentication) {
		return (authentication instanceof CallerAuthentication caller)
				? caller.getCallerType().name().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * The caller's id as it is logged.
	 * @param authentication the authentication
	 * @return the calling service, or the user for a user caller, or {@code null} for no
	 * s2s caller
	 */
	public static @Nullable String id(@Nullable Authentication authentication) {
		if (authentication instanceof ServiceAuthentication service) {
			return service.getServiceId();
		}
		if (authentication instanceof DelegatedAuthentication delegated) {
			return delegated.getServiceId();
		}
		return (authentication instanceof UserAuthentication user) ? user.getUserId() : null;
	}

}
