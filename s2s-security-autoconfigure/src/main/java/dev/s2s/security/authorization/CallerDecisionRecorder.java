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
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.s2s.security.caller.CallerType;
import dev.s2s.security.inbound.LogRateLimiter;
import dev.s2s.security.inbound.LogSanitizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * Records every {@link CallerDecision} of s2s-security's own filters, interceptor and
 * managers: a log line (denials at WARN, grants at DEBUG), an observation for metrics,
 * and Spring Security's {@link AuthorizationDeniedEvent} for a denial or, when enabled,
 * {@link AuthorizationGrantedEvent} for a grant. Its {@link #eventPublisher() event
 * publisher view} is set on s2s-security's filters only; it is deliberately not an
 * {@code AuthorizationEventPublisher} bean, which Spring Security would apply to every
 * chain and method interceptor of the application.
 *
 * <p>
 * Log lines are {@code key=value} pairs; every value that comes from a token or a request
 * goes through {@link LogSanitizer}, so a service id with a line break cannot forge a log
 * line. A failing event listener neither lets a denied caller through nor fails an
 * allowed one: the decision stands.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerDecisionRecorder {

	private static final Log logger = LogFactory.getLog(CallerDecisionRecorder.class);

	private final ApplicationEventPublisher events;

	private final boolean publishGranted;

	private final Consumer<CallerDecision> observer;

	private final boolean logAllowed;

	private final LogRateLimiter denialLog;

	private final AuthorizationEventPublisher eventPublisher = new EventPublisher();

	/**
	 * Create a recorder.
	 * @param events where the authorization events go
	 * @param publishGranted whether grants are published too
	 * @param observer sees every decision, e.g. to count it
	 * @param logAllowed whether grants are logged at INFO (else at DEBUG)
	 * @param denialLog how many denial lines are logged (at WARN) per minute
	 */
	public CallerDecisionRecorder(ApplicationEventPublisher events, boolean publishGranted,
			Consumer<CallerDecision> observer, boolean logAllowed, LogRateLimiter denialLog) {
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(observer, "observer cannot be null");
		Assert.notNull(denialLog, "denialLog cannot be null");
		this.events = events;
		this.publishGranted = publishGranted;
		this.observer = observer;
		this.logAllowed = logAllowed;
		this.denialLog = denialLog;
	}

	/**
	 * This recorder as Spring Security's publisher, for s2s-security's own
	 * {@code AuthorizationFilter}s: it records s2s decisions and ignores other results.
	 * @return the publisher
	 */
	public AuthorizationEventPublisher eventPublisher() {
		return this.eventPublisher;
	}

	/**
	 * Record a decision.
	 * @param authentication the caller
	 * @param object what was decided on: the request or exchange
	 * @param decision the decision
	 */
	void record(Supplier<Authentication> authentication, Object object, CallerDecision decision) {
		log(decision);
		try {
			this.observer.accept(decision);
			if (!decision.isGranted()) {
				this.events.publishEvent(new AuthorizationDeniedEvent<>(authentication, object, decision));
			}
			else if (this.publishGranted) {
				this.events.publishEvent(new AuthorizationGrantedEvent<>(authentication, object, decision));
			}
		}
		catch (RuntimeException ex) {
			logger.error("Recording an s2s authorization decision failed; the decision stands", ex);
		}
	}

	private final class EventPublisher implements AuthorizationEventPublisher {

		@Override
		public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
				@Nullable AuthorizationResult result) {
			if (result instanceof CallerDecision decision) {
				record(authentication, object, decision);
			}
		}

	}

	private void log(CallerDecision decision) {
		if (!decision.isGranted()) {
			if (logger.isWarnEnabled()) {
				long suppressed = this.denialLog.tryAcquire();
				if (suppressed >= 0) {
					logger.warn(line("denied", decision) + LogRateLimiter.suppressedNote(suppressed));
				}
			}
		}
		else if (this.logAllowed) {
			if (logger.isInfoEnabled()) {
				logger.info(line("allowed", decision));
			}
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(line("allowed", decision));
		}
	}

	private static String line(String outcome, CallerDecision decision) {
		CallerType type = decision.getCallerType();
		return "s2s authorization " + outcome + ": reason=" + decision.getReason().code() + " caller.type="
				+ ((type != null) ? type.name().toLowerCase(Locale.ROOT) : "none") + " service="
				+ quote(decision.getServiceId()) + " user=" + quote(decision.getUserId()) + " method="
				+ quote(decision.getHttpMethod()) + " route=" + quote(decision.getRoute()) + " rule="
				+ quote(decision.getRule()) + " correlationId=" + quote(decision.getCorrelationId()) + " proof="
				+ ((decision.getProof() != null) ? decision.getProof().tag() : "-");
	}

	private static String quote(@Nullable String value) {
		if (value == null) {
			return "-";
		}
		return "\"" + LogSanitizer.sanitize(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
	}

}
