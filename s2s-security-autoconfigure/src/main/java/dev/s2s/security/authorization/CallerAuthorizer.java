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

import dev.s2s.security.caller.CallerType;
import dev.s2s.security.inbound.LogSanitizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * Applies a {@link CallerPolicy} to a request for the servlet and reactive adapters:
 * decides, publishes an {@link S2sAuthorizationEvent}, writes a log line (denials at
 * WARN, allowances at DEBUG) and throws {@link CallerDeniedException} on a denial, before
 * the handler runs.
 *
 * <p>
 * Log lines are {@code key=value} pairs; every value that comes from a token or a request
 * goes through {@link LogSanitizer}, so a service id with a line break cannot forge a log
 * line.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerAuthorizer {

	private static final Log logger = LogFactory.getLog(CallerAuthorizer.class);

	private final ApplicationEventPublisher publisher;

	/**
	 * Create an authorizer.
	 * @param publisher where decisions are published
	 */
	public CallerAuthorizer(ApplicationEventPublisher publisher) {
		Assert.notNull(publisher, "publisher cannot be null");
		this.publisher = publisher;
	}

	/**
	 * Decide, record, and throw on a denial.
	 * @param policy the policy
	 * @param authentication the caller, if any
	 * @param httpMethod the request's method
	 * @param route the route pattern
	 * @param correlationId the correlation id, if any
	 * @throws CallerDeniedException if the caller is denied
	 */
	void authorize(CallerPolicy policy, @Nullable Authentication authentication, String httpMethod, String route,
			@Nullable String correlationId) {
		Decision decision = policy.decide(authentication);
		S2sAuthorizationEvent event = new S2sAuthorizationEvent(decision, httpMethod, route, policy.source(),
				correlationId);
		log(event);
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// A failing listener must neither let a denied caller through nor fail an
			// allowed one with a 500; the decision stands.
			logger.error("An S2sAuthorizationEvent listener failed", ex);
		}
		if (!decision.granted()) {
			throw new CallerDeniedException(decision.reason(), String.join(" ", decision.requiredScopes()));
		}
	}

	private static void log(S2sAuthorizationEvent event) {
		if (!event.isGranted() && logger.isWarnEnabled()) {
			logger.warn(line("denied", event));
		}
		else if (event.isGranted() && logger.isDebugEnabled()) {
			logger.debug(line("allowed", event));
		}
	}

	private static String line(String outcome, S2sAuthorizationEvent event) {
		CallerType type = event.getCallerType();
		return "s2s authorization " + outcome + ": reason=" + event.getReason().code() + " caller.type="
				+ ((type != null) ? type.name().toLowerCase(Locale.ROOT) : "none") + " service="
				+ quote(event.getServiceId()) + " subject=" + quote(event.getSubject()) + " method="
				+ quote(event.getHttpMethod()) + " route=" + quote(event.getRoute()) + " rule=" + quote(event.getRule())
				+ " correlationId=" + quote(event.getCorrelationId());
	}

	private static String quote(@Nullable String value) {
		if (value == null) {
			return "-";
		}
		return "\"" + LogSanitizer.sanitize(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
	}

}
