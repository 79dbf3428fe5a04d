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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;

/**
 * A caller denied by a caller annotation or a service-only path. Spring Security's
 * exception translation turns it into 401 for an unauthenticated request and into 403
 * otherwise; the s2s access-denied handlers add {@code error="insufficient_scope"} with
 * the required scopes when a scope is missing (RFC 6750 section 3.1). If you handle
 * {@link AccessDeniedException} in an {@code @ExceptionHandler}, rethrow this one.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerDeniedException extends AccessDeniedException {

	private static final long serialVersionUID = 1L;

	private static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\", "
			+ "error_description=\"The request requires higher privileges than provided by the access token.\", "
			+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

	private final DecisionReason reason;

	private final String requiredScopes;

	CallerDeniedException(DecisionReason reason, String requiredScopes) {
		super("Caller denied: " + reason.code());
		this.reason = reason;
		this.requiredScopes = requiredScopes;
	}

	/**
	 * Why the caller was denied.
	 * @return the reason
	 */
	public DecisionReason getReason() {
		return this.reason;
	}

	/**
	 * The scopes the endpoint requires, when the caller lacked one of them.
	 * @return the required scopes, empty unless the reason is
	 * {@link DecisionReason#INSUFFICIENT_SCOPE}
	 */
	public List<String> getRequiredScopes() {
		return this.requiredScopes.isEmpty() ? List.of() : List.of(this.requiredScopes.split(" "));
	}

	/**
	 * The {@code WWW-Authenticate} challenge of the 403: RFC 6750's
	 * {@code insufficient_scope} with the required scopes when a scope is missing, none
	 * otherwise, since another token of the same caller would not help.
	 * @return the challenge, or {@code null}
	 */
	@Nullable String challenge() {
		if (this.reason != DecisionReason.INSUFFICIENT_SCOPE) {
			return null;
		}
		return INSUFFICIENT_SCOPE + ", scope=\"" + this.requiredScopes + "\"";
	}

}
