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

import java.util.Locale;

/**
 * What s2s-security does with a request, handled by an s2s filter chain, whose handler
 * names no caller: no caller annotation, no caller-typed parameter, no enforced
 * method-security annotation ({@code @PreAuthorize}, {@code @Secured} with
 * {@code securedEnabled}, ...), and no public or service-only path covering it.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum UnannotatedHandlers {

	/**
	 * Deny every caller with 403 ({@link DecisionReason#NO_RULE}); a request without a
	 * token still gets 401.
	 */
	DENY,

	/**
	 * Admit any authenticated caller: a service, a user or a delegated call.
	 */
	AUTHENTICATED;

	/**
	 * The value as it is written in configuration, e.g. {@code deny}.
	 * @return the value in kebab case
	 */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
