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
package dev.s2s.samples.demo;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.s2s.security.authorization.CallerDecisionRecorder;
import org.slf4j.LoggerFactory;

/**
 * Collects what {@link CallerDecisionRecorder} logs while the demo plays (its WARN line
 * for every denial, and its DEBUG line for every grant when that level is enabled), so
 * that each line can be shown with the call that caused it and the service that logged
 * it, after the table instead of before it. All services share the JVM's logging, whose
 * application-name label can only be one of them; the service comes from the MDC that
 * {@link ServiceLogLabel} sets. The lines are not dropped: while collecting, they go here
 * instead of to the console, and nothing else changes.
 *
 * @author s2s-security team
 */
final class DecisionLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final Logger logger;

	private final List<Logged> lines = new ArrayList<>();

	private volatile int call;

	private DecisionLog(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Start collecting.
	 * @return the log, to close when the scenario ends
	 */
	static DecisionLog collect() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		DecisionLog log = new DecisionLog(context.getLogger(CallerDecisionRecorder.class));
		log.setContext(context);
		log.setName("demo-decisions");
		log.start();
		log.logger.addAppender(log);
		log.logger.setAdditive(false);
		return log;
	}

	/**
	 * Lines logged from now on belong to this call.
	 * @param number the call's number in the table
	 */
	void during(int number) {
		this.call = number;
	}

	/**
	 * The lines logged during a call.
	 * @param number the call's number in the table
	 * @return its lines, in order
	 */
	List<Logged> of(int number) {
		synchronized (this.lines) {
			return this.lines.stream().filter((line) -> line.call() == number).toList();
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		String service = event.getMDCPropertyMap().getOrDefault(ServiceLogLabel.MDC_KEY, "unknown service");
		synchronized (this.lines) {
			this.lines.add(new Logged(this.call, service, event.getLevel().toString(), event.getFormattedMessage()));
		}
	}

	/**
	 * Stop collecting: the logger writes to the console again.
	 */
	@Override
	public void close() {
		this.logger.setAdditive(true);
		this.logger.detachAppender(this);
		stop();
	}

	/**
	 * One line, as the service logged it.
	 *
	 * @param call the number of the call during which it was logged
	 * @param service the service that logged it
	 * @param level its level
	 * @param message the message
	 */
	record Logged(int call, String service, String level, String message) {
	}

}
