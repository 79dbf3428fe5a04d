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

import java.util.function.Consumer;

import dev.s2s.security.inbound.LogRateLimiter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Explains every refusal of an s2s filter chain: each 401 (and the 400 of a malformed
 * request) and each 403 is passed to an observer (which counts it) and logged once at
 * WARN, rate-limited, with its reason, path, caller if known and correlation id, never
 * the token. 403s that an s2s decision made are logged by
 * {@link dev.s2s.security.authorization.CallerDecisionRecorder} instead, with the rule
 * that decided, so that no refusal is logged twice.
 * <p>
 * On WebFlux, where Spring Security publishes no authentication or authorization events,
 * s2s chains publish them through this recorder's publisher.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class RefusalRecorder {

	private static final Log logger = LogFactory.getLog(RefusalRecorder.class);

	private final ApplicationEventPublisher events;

	private final Consumer<Refusal> observer;

	private final LogRateLimiter limiter;

	/**
	 * Create a recorder.
	 * @param events where the events of reactive chains go
	 * @param observer sees every refusal, e.g. to count it
	 * @param limiter how many refusal lines are logged per minute
	 */
	public RefusalRecorder(ApplicationEventPublisher events, Consumer<Refusal> observer, LogRateLimiter limiter) {
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(observer, "observer cannot be null");
		Assert.notNull(limiter, "limiter cannot be null");
		this.events = events;
		this.observer = observer;
		this.limiter = limiter;
	}

	/**
	 * Record a refusal.
	 * @param refusal the refusal
	 * @param log whether to log it (rate-limited)
	 */
	void record(Refusal refusal, boolean log) {
		try {
			this.observer.accept(refusal);
		}
		catch (RuntimeException ex) {
			logger.error("Recording an s2s refusal failed; the refusal stands", ex);
		}
		if (log && logger.isWarnEnabled()) {
			long suppressed = this.limiter.tryAcquire();
			if (suppressed >= 0) {
				logger.warn(refusal + LogRateLimiter.suppressedNote(suppressed));
			}
		}
	}

	/**
	 * Publish an event of a reactive chain.
	 * @param event the event
	 */
	void publish(Object event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.error("Publishing an s2s security event failed; the refusal stands", ex);
		}
	}

}
