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

import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * One authorization decision: published for every request that a caller annotation or a
 * service-only path governs, allowed or denied. It names the caller and the endpoint,
 * never the token or its claims. Listeners run on the request thread (on WebFlux, an
 * event loop thread): they must not block.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sAuthorizationEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final boolean granted;

	private final DecisionReason reason;

	private final @Nullable CallerType callerType;

	private final @Nullable String serviceId;

	private final @Nullable String subject;

	private final String httpMethod;

	private final String route;

	private final String rule;

	private final @Nullable String correlationId;

	S2sAuthorizationEvent(Decision decision, String httpMethod, String route, String rule,
			@Nullable String correlationId) {
		super(rule);
		this.granted = decision.granted();
		this.reason = decision.reason();
		this.callerType = decision.callerType();
		this.serviceId = decision.serviceId();
		this.subject = decision.subject();
		this.httpMethod = httpMethod;
		this.route = route;
		this.rule = rule;
		this.correlationId = correlationId;
	}

	/**
	 * Whether the caller was allowed.
	 * @return whether the call went on to the handler
	 */
	public boolean isGranted() {
		return this.granted;
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
	 * The user: the caller itself, or the user a service acts for.
	 * @return the user's subject, or {@code null} for a service or no caller
	 */
	public @Nullable String getSubject() {
		return this.subject;
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
	 * matched.
	 * @return the route pattern, never the raw request path
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

	@Override
	public String toString() {
		return "S2sAuthorizationEvent[granted=" + this.granted + ", reason=" + this.reason.code() + ", callerType="
				+ this.callerType + ", serviceId=" + this.serviceId + ", subject=" + this.subject + ", "
				+ this.httpMethod + " " + this.route + ", rule=" + this.rule + ", correlationId=" + this.correlationId
				+ "]";
	}

}
