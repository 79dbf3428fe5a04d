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
package dev.s2s.security.authorization;

import java.util.Set;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * The outcome of a {@link CallerPolicy}.
 *
 * @param granted whether the caller may call
 * @param reason why
 * @param authentication who called, if anyone
 * @param requiredScopes the scopes the rule requires, when a scope is missing
 * @author s2s-security team
 */
record Decision(boolean granted, DecisionReason reason, @Nullable Authentication authentication,
		Set<String> requiredScopes) {

	static Decision deny(DecisionReason reason, @Nullable Authentication authentication, Set<String> requiredScopes) {
		return new Decision(false, reason, authentication, requiredScopes);
	}

	@Nullable CallerType callerType() {
		return (this.authentication instanceof CallerAuthentication caller) ? caller.getCallerType() : null;
	}

	@Nullable String serviceId() {
		return (this.authentication instanceof CallerAuthentication caller) ? serviceId(caller) : null;
	}

	@Nullable String subject() {
		if (this.authentication instanceof UserAuthentication user) {
			return user.getSubject();
		}
		return (this.authentication instanceof DelegatedAuthentication delegated) ? delegated.getSubject() : null;
	}

	/**
	 * The calling service: the service itself, or the one acting for a user.
	 */
	static @Nullable String serviceId(CallerAuthentication caller) {
		if (caller instanceof ServiceAuthentication service) {
			return service.getServiceId();
		}
		return (caller instanceof DelegatedAuthentication delegated) ? delegated.getActingServiceId() : null;
	}

}
