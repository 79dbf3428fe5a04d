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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.inbound.LogRateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CallerDecisionRecorder}: every decision is observed and logged, a
 * denial is always published as Spring Security's event and a grant only when asked, a
 * failure to record never changes the decision, and a log line names the decision with
 * its values quoted and escaped.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallerDecisionRecorderTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final ServiceAuthentication ORDERS = new ServiceAuthentication(JWT, "orders", Set.of(), Set.of());

	private static final Supplier<Authentication> CALLER = () -> ORDERS;

	private final List<Object> events = new ArrayList<>();

	private final List<CallerDecision> observed = new ArrayList<>();

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void logEverything() {
		// Whatever another test left configured.
		this.logging.setLogLevel(CallerDecisionRecorder.class.getName(), LogLevel.DEBUG);
	}

	@AfterEach
	void restoreLogging() {
		this.logging.setLogLevel(CallerDecisionRecorder.class.getName(), null);
	}

	@Test
	void aDenialIsObservedAndPublished() {
		CallerDecision denied = decision(false, DecisionReason.SERVICE_NOT_LISTED);
		recorder(false, false).record(CALLER, "request", denied);
		assertThat(this.observed).containsExactly(denied);
		assertThat(this.events).singleElement().isInstanceOfSatisfying(AuthorizationDeniedEvent.class, (event) -> {
			assertThat(event.getAuthorizationResult()).isSameAs(denied);
			assertThat(event.getObject()).isEqualTo("request");
			assertThat(event.getAuthentication().get()).isSameAs(ORDERS);
		});
	}

	@Test
	void aGrantIsObservedAndPublishedOnlyWhenAsked() {
		CallerDecision granted = decision(true, DecisionReason.ALLOWED);
		recorder(false, false).record(CALLER, "request", granted);
		assertThat(this.observed).containsExactly(granted);
		assertThat(this.events).isEmpty();
		recorder(true, false).record(CALLER, "request", granted);
		assertThat(this.events).singleElement().isInstanceOfSatisfying(AuthorizationGrantedEvent.class, (event) -> {
			assertThat(event.getAuthorizationResult()).isSameAs(granted);
			assertThat(event.getObject()).isEqualTo("request");
		});
	}

	@Test
	void aFailureToRecordLeavesTheDecisionStanding(CapturedOutput output) {
		CallerDecisionRecorder recorder = new CallerDecisionRecorder((event) -> {
			throw new IllegalStateException("no listener today");
		}, true, this.observed::add, false, new LogRateLimiter(10));
		recorder.record(CALLER, "request", decision(false, DecisionReason.NO_RULE));
		assertThat(this.observed).hasSize(1);
		assertThat(output).contains("Recording an s2s authorization decision failed; the decision stands")
			.contains("no listener today");
		CallerDecisionRecorder failingObserver = new CallerDecisionRecorder(this.events::add, true, (decision) -> {
			throw new IllegalStateException("no meter today");
		}, false, new LogRateLimiter(10));
		failingObserver.record(CALLER, "request", decision(false, DecisionReason.NO_RULE));
		assertThat(this.events).isEmpty();
	}

	@Test
	void theEventPublisherRecordsS2sDecisionsOnly() {
		CallerDecisionRecorder recorder = recorder(true, false);
		CallerDecision denied = decision(false, DecisionReason.MISSING_ROLE);
		recorder.eventPublisher().publishAuthorizationEvent(CALLER, "request", denied);
		recorder.eventPublisher().publishAuthorizationEvent(CALLER, "request", new AuthorizationDecision(false));
		recorder.eventPublisher().publishAuthorizationEvent(CALLER, "request", null);
		assertThat(this.observed).containsExactly(denied);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void aDenialIsLoggedAtWarnWithEveryField(CapturedOutput output) {
		CallerDecision denied = new CallerDecision(false, DecisionReason.INSUFFICIENT_SCOPE,
				new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(), Set.of()), Set.of("a"),
				new RequestDetails("GET", "/stock/{id}", "c-1"), "@DelegatedCaller on StockController.stock");
		recorder(false, false).record(CALLER, "request", denied);
		assertThat(output).contains("WARN")
			.contains("s2s authorization denied: reason=insufficient_scope caller.type=delegated service=\"gateway\" "
					+ "user=\"alice\" method=\"GET\" route=\"/stock/{id}\" "
					+ "rule=\"@DelegatedCaller on StockController.stock\" correlationId=\"c-1\" proof=token");
	}

	@Test
	void missingValuesAreLoggedAsADash(CapturedOutput output) {
		CallerDecision denied = new CallerDecision(false, DecisionReason.NOT_AUTHENTICATED, null, Set.of(),
				new RequestDetails("GET", "-", null), "rule");
		recorder(false, false).record(() -> null, "request", denied);
		assertThat(output).contains("s2s authorization denied: reason=not_authenticated caller.type=none service=- "
				+ "user=- method=\"GET\" route=\"-\" rule=\"rule\" correlationId=- proof=-");
	}

	@Test
	void quotesAndBackslashesInValuesAreEscaped(CapturedOutput output) {
		CallerDecision denied = new CallerDecision(false, DecisionReason.NO_RULE,
				new ServiceAuthentication(JWT, "a\"b\\c", Set.of(), Set.of()), Set.of(),
				new RequestDetails("GET", "-", null), "rule");
		recorder(false, false).record(CALLER, "request", denied);
		assertThat(output).contains("service=\"a\\\"b\\\\c\"");
	}

	@Test
	void aGrantIsLoggedAtInfoWhenAskedElseAtDebug(CapturedOutput output) {
		CallerDecision granted = decision(true, DecisionReason.ALLOWED);
		recorder(false, true).record(CALLER, "request", granted);
		assertThat(output).contains("INFO").contains("s2s authorization allowed: reason=allowed caller.type=service");
		String before = output.getAll();
		recorder(false, false).record(CALLER, "request", granted);
		String after = output.getAll().substring(before.length());
		assertThat(after).doesNotContain("INFO")
			.contains("DEBUG")
			.contains("s2s authorization allowed: reason=allowed");
	}

	@Test
	void aGrantIsNotLoggedWhenDebugIsOffAndNotAskedFor(CapturedOutput output) {
		this.logging.setLogLevel(CallerDecisionRecorder.class.getName(), LogLevel.INFO);
		recorder(false, false).record(CALLER, "request", decision(true, DecisionReason.ALLOWED));
		assertThat(output).doesNotContain("s2s authorization allowed");
		assertThat(this.observed).hasSize(1);
	}

	@Test
	void aDenialIsNotLoggedWhenWarnIsOffButStillRecorded(CapturedOutput output) {
		this.logging.setLogLevel(CallerDecisionRecorder.class.getName(), LogLevel.OFF);
		recorder(false, false).record(CALLER, "request", decision(false, DecisionReason.NO_RULE));
		assertThat(output).doesNotContain("s2s authorization denied");
		assertThat(this.observed).hasSize(1);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void denialLinesBeyondTheLimitAreSuppressedAndCounted(CapturedOutput output) {
		long[] now = { 0 };
		CallerDecisionRecorder recorder = recorder(false, false, new LogRateLimiter(1, () -> now[0]));
		recorder.record(CALLER, "request", decision(false, DecisionReason.NO_RULE));
		recorder.record(CALLER, "request", decision(false, DecisionReason.MISSING_ROLE));
		assertThat(output).contains("reason=no_rule").doesNotContain("reason=missing_role");
		now[0] = java.time.Duration.ofMinutes(1).toNanos();
		recorder.record(CALLER, "request", decision(false, DecisionReason.SERVICE_NOT_LISTED));
		assertThat(output).contains("reason=service_not_listed")
			.contains("(1 similar line(s) suppressed before this one)");
		// Suppressed lines are still observed and published.
		assertThat(this.observed).hasSize(3);
		assertThat(this.events).hasSize(3);
	}

	@Test
	void itsCollaboratorsAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CallerDecisionRecorder(null, false, (d) -> {
		}, false, new LogRateLimiter(1))).withMessage("events cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CallerDecisionRecorder(this.events::add, false, null, false, new LogRateLimiter(1)))
			.withMessage("observer cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CallerDecisionRecorder(this.events::add, false, (d) -> {
			}, false, null))
			.withMessage("denialLog cannot be null");
	}

	private CallerDecisionRecorder recorder(boolean publishGranted, boolean logAllowed) {
		return recorder(publishGranted, logAllowed, new LogRateLimiter(100));
	}

	private CallerDecisionRecorder recorder(boolean publishGranted, boolean logAllowed, LogRateLimiter limiter) {
		return new CallerDecisionRecorder(this.events::add, publishGranted, this.observed::add, logAllowed, limiter);
	}

	private static CallerDecision decision(boolean granted, DecisionReason reason) {
		return new CallerDecision(granted, reason, ORDERS, Set.of(), new RequestDetails("GET", "/stock", "c-1"),
				"rule");
	}

}
