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
 * Why a caller was allowed or denied.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum DecisionReason {

	/**
	 * The caller is of an admitted kind and meets every requirement.
	 */
	ALLOWED,

	/**
	 * No valid token: answered with 401.
	 */
	NOT_AUTHENTICATED,

	/**
	 * The authentication is not an s2s caller (e.g. from another mechanism in the chain).
	 */
	UNKNOWN_CALLER,

	/**
	 * A service where only users are admitted, or a user where only services are.
	 */
	CALLER_TYPE_NOT_ACCEPTED,

	/**
	 * A service acting on behalf of a user where no delegated caller is admitted.
	 */
	DELEGATION_NOT_ACCEPTED,

	/**
	 * A service (or acting service) that the rule does not list.
	 */
	SERVICE_NOT_LISTED,

	/**
	 * The token lacks a required scope: answered with {@code insufficient_scope}.
	 */
	INSUFFICIENT_SCOPE,

	/**
	 * The user has none of the roles the rule admits.
	 */
	MISSING_ROLE,

	/**
	 * The handler names no caller: no caller annotation, no enforced method-security
	 * annotation and no path rule covers it (default deny, see
	 * {@link UnannotatedHandlers#DENY}).
	 */
	NO_RULE,

	/**
	 * The policy could not be evaluated; denied, as every failure is.
	 */
	POLICY_ERROR;

	/**
	 * The reason as a lower-case code for logs and metrics, e.g.
	 * {@code insufficient_scope}.
	 * @return the code
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
