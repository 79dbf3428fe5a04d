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

import java.io.Serial;
import java.util.List;
import java.util.Set;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerProof;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;

/**
 * A decision of s2s-security: whether a caller may call an endpoint, why, and who and
 * what it concerned. It is the
 * {@link org.springframework.security.authorization.AuthorizationResult} of Spring
 * Security's {@code AuthorizationDeniedEvent} (and, when enabled,
 * {@code AuthorizationGrantedEvent}) and of the {@code AuthorizationDeniedException} a
 * denial throws. It names the caller and the endpoint, never the token or its claims.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerDecision extends AuthorizationDecision {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\", "
			+ "error_description=\"The request requires higher privileges than provided by the access token.\", "
			+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

	/** The reason. */
	private final DecisionReason reason;

	/** The caller type. */
	private final @Nullable CallerType callerType;

	/** The service id. */
	private final @Nullable String serviceId;

	/** The proof. */
	private final @Nullable CallerProof proof;

	/** The user id. */
	private final @Nullable String userId;

	/** The http method. */
	private final String httpMethod;

	/** The route. */
	private final String route;

	/** The rule. */
	private final String rule;

	/** The correlation id. */
	private final @Nullable String correlationId;

	/** The required scopes. */
	@SuppressWarnings("serial") // List.copyOf: serializable
	private final List<String> requiredScopes;

	CallerDecision(boolean granted, DecisionReason reason, @Nullable Authentication authentication,
			Set<String> requiredScopes, RequestDetails request, String rule) {
		super(granted);
		this.reason = reason;
		CallerAuthentication caller = (authentication instanceof CallerAuthentication it) ? it : null;
		this.callerType = (caller != null) ? caller.getCallerType() : null;
		this.serviceId = (caller != null) ? serviceId(caller) : null;
		this.proof = (caller != null) ? caller.getProof() : null;
		this.userId = (caller != null) ? userId(caller) : null;
		this.httpMethod = request.httpMethod();
		this.route = request.route();
		this.rule = rule;
		this.correlationId = request.correlationId();
		this.requiredScopes = List.copyOf(requiredScopes);
	}

	/**
	 * Why the caller was allowed or denied.
	 * @return the reason
	 */
	public DecisionReason getReason() {
		return this.reason;
	}

	/**
	 * The kind of caller.
	 * @return the kind, or {@code null} when the request had no s2s caller
	 */
	public @Nullable CallerType getCallerType() {
		return this.callerType;
	}

	/**
	 * The calling service: the service itself, or the service acting for a user.
	 * @return the service id, or {@code null} for a user or no caller
	 */
	public @Nullable String getServiceId() {
		return this.serviceId;
	}

	/**
	 * How the caller proved who it is.
	 * @return the proof, or {@code null} when the request had no s2s caller
	 * @since 0.4.0
	 */
	public @Nullable CallerProof getProof() {
		return this.proof;
	}

	/**
	 * The user: the caller itself, or the user a service acts for.
	 * @return the user id, or {@code null} for a service or no caller
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	/**
	 * The request's HTTP method.
	 * @return the method, e.g. {@code GET}
	 */
	public String getHttpMethod() {
		return this.httpMethod;
	}

	/**
	 * The route: the handler's mapping pattern, or the service-only path pattern that
	 * decided.
	 * @return the route pattern (never the raw request path), or {@code -} when none is
	 * known
	 */
	public String getRoute() {
		return this.route;
	}

	/**
	 * The rule that decided, e.g. {@code @ServiceCaller on StockController.stock} or
	 * {@code service path /api/internal/**}.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

	/**
	 * The request's correlation id.
	 * @return the id, or {@code null} when no correlation filter ran
	 */
	public @Nullable String getCorrelationId() {
		return this.correlationId;
	}

	/**
	 * The scopes the rule requires, when the caller lacked one of them.
	 * @return the required scopes, empty unless the reason is
	 * {@link DecisionReason#INSUFFICIENT_SCOPE}
	 */
	public List<String> getRequiredScopes() {
		return this.requiredScopes;
	}

	/**
	 * The {@code WWW-Authenticate} challenge of the 403: RFC 6750's
	 * {@code insufficient_scope} with the required scopes when a scope is missing, none
	 * otherwise, since another token of the same caller would not help.
	 */
	@Nullable String challenge() {
		if (this.reason != DecisionReason.INSUFFICIENT_SCOPE) {
			return null;
		}
		return INSUFFICIENT_SCOPE + ", scope=\"" + String.join(" ", this.requiredScopes) + "\"";
	}

	/**
	 * The s2s decision behind a denial, if it is one.
	 * @param denied the denial
	 * @return the decision, or {@code null} when something else denied
	 */
	static @Nullable CallerDecision of(AccessDeniedException denied) {
		return (denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof CallerDecision decision) ? decision : null;
	}

	/**
	 * The calling service: the service itself, or the one acting for a user.
	 */
	static @Nullable String serviceId(CallerAuthentication caller) {
		if (caller instanceof ServiceAuthentication service) {
			return service.getServiceId();
		}
		return (caller instanceof DelegatedAuthentication delegated) ? delegated.getServiceId() : null;
	}

	private static @Nullable String userId(CallerAuthentication caller) {
		if (caller instanceof UserAuthentication user) {
			return user.getUserId();
		}
		return (caller instanceof DelegatedAuthentication delegated) ? delegated.getUserId() : null;
	}

	@Override
	public String toString() {
		return "CallerDecision[granted=" + isGranted() + ", reason=" + this.reason.code() + ", callerType="
				+ this.callerType + ", proof=" + this.proof + ", serviceId=" + this.serviceId + ", userId="
				+ this.userId + ", " + this.httpMethod + " " + this.route + ", rule=" + this.rule + ", correlationId="
				+ this.correlationId + "]";
	}

}
