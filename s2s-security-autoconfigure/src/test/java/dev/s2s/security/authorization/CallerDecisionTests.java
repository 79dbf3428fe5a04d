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
import java.util.Set;

import dev.s2s.security.caller.CallerProof;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallerDecision}: what a decision records of the caller and the request
 * (never more than ids), its {@code insufficient_scope} challenge, and how it is found
 * again behind a denial.
 */
class CallerDecisionTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final RequestDetails REQUEST = new RequestDetails("GET", "/stock/{id}", "c-1");

	@Test
	void recordsAServiceCaller() {
		CallerDecision decision = new CallerDecision(true, DecisionReason.ALLOWED,
				new ServiceAuthentication(JWT, "orders", Set.of(), Set.of()), Set.of(), REQUEST, "rule");
		assertThat(decision.isGranted()).isTrue();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.ALLOWED);
		assertThat(decision.getCallerType()).isEqualTo(CallerType.SERVICE);
		assertThat(decision.getServiceId()).isEqualTo("orders");
		assertThat(decision.getUserId()).isNull();
		assertThat(decision.getProof()).isEqualTo(CallerProof.TOKEN);
		assertThat(decision.getHttpMethod()).isEqualTo("GET");
		assertThat(decision.getRoute()).isEqualTo("/stock/{id}");
		assertThat(decision.getRule()).isEqualTo("rule");
		assertThat(decision.getCorrelationId()).isEqualTo("c-1");
		assertThat(decision.getRequiredScopes()).isEmpty();
		assertThat(decision.challenge()).isNull();
	}

	@Test
	void recordsAUserCaller() {
		CallerDecision decision = new CallerDecision(false, DecisionReason.MISSING_ROLE,
				new UserAuthentication(JWT, "alice", Set.of(), Set.of()), Set.of(), REQUEST, "rule");
		assertThat(decision.isGranted()).isFalse();
		assertThat(decision.getCallerType()).isEqualTo(CallerType.USER);
		assertThat(decision.getUserId()).isEqualTo("alice");
		assertThat(decision.getServiceId()).isNull();
	}

	@Test
	void recordsBothSidesOfADelegatedCall() {
		CallerDecision decision = new CallerDecision(true, DecisionReason.ALLOWED,
				new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(), Set.of()), Set.of(), REQUEST, "rule");
		assertThat(decision.getCallerType()).isEqualTo(CallerType.DELEGATED);
		assertThat(decision.getUserId()).isEqualTo("alice");
		assertThat(decision.getServiceId()).isEqualTo("gateway");
	}

	@Test
	void recordsNoCallerForAnotherAuthenticationOrNone() {
		for (CallerDecision decision : List.of(
				new CallerDecision(false, DecisionReason.UNKNOWN_CALLER, new TestingAuthenticationToken("orders", "p"),
						Set.of(), new RequestDetails("GET", "-", null), "rule"),
				new CallerDecision(false, DecisionReason.NOT_AUTHENTICATED, null, Set.of(),
						new RequestDetails("GET", "-", null), "rule"))) {
			assertThat(decision.getCallerType()).isNull();
			assertThat(decision.getServiceId()).isNull();
			assertThat(decision.getUserId()).isNull();
			assertThat(decision.getProof()).isNull();
			assertThat(decision.getCorrelationId()).isNull();
			assertThat(decision.getRoute()).isEqualTo("-");
		}
	}

	@Test
	void serviceIdIsTheServiceOrTheActingService() {
		assertThat(CallerDecision.serviceId(new ServiceAuthentication(JWT, "orders", Set.of(), Set.of())))
			.isEqualTo("orders");
		assertThat(CallerDecision.serviceId(new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(), Set.of())))
			.isEqualTo("gateway");
		assertThat(CallerDecision.serviceId(new UserAuthentication(JWT, "alice", Set.of(), Set.of()))).isNull();
	}

	@Test
	void insufficientScopeChallengeNamesTheRequiredScopes() {
		CallerDecision decision = new CallerDecision(false, DecisionReason.INSUFFICIENT_SCOPE,
				new ServiceAuthentication(JWT, "orders", Set.of(), Set.of()), Set.of("stock.read"), REQUEST, "rule");
		assertThat(decision.getRequiredScopes()).containsExactly("stock.read");
		assertThat(decision.challenge()).isEqualTo("Bearer error=\"insufficient_scope\", "
				+ "error_description=\"The request requires higher privileges than provided by the access token.\", "
				+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\", scope=\"stock.read\"");
		CallerDecision two = new CallerDecision(false, DecisionReason.INSUFFICIENT_SCOPE, null,
				new java.util.TreeSet<>(Set.of("b", "a")), REQUEST, "rule");
		assertThat(two.challenge()).endsWith(", scope=\"a b\"");
	}

	@Test
	void otherDenialsHaveNoChallenge() {
		for (DecisionReason reason : DecisionReason.values()) {
			if (reason != DecisionReason.INSUFFICIENT_SCOPE) {
				assertThat(new CallerDecision(false, reason, null, Set.of("a"), REQUEST, "rule").challenge())
					.as(reason.code())
					.isNull();
			}
		}
	}

	@Test
	void ofFindsTheDecisionBehindADenialOnly() {
		CallerDecision decision = new CallerDecision(false, DecisionReason.NO_RULE, null, Set.of(), REQUEST, "rule");
		assertThat(CallerDecision.of(new AuthorizationDeniedException("Access Denied", decision))).isSameAs(decision);
		assertThat(
				CallerDecision.of(new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false))))
			.isNull();
		assertThat(CallerDecision.of(new AccessDeniedException("Access Denied"))).isNull();
	}

	@Test
	void toStringNamesTheDecisionNotTheToken() {
		CallerDecision decision = new CallerDecision(false, DecisionReason.INSUFFICIENT_SCOPE,
				new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(), Set.of()), Set.of("a"), REQUEST,
				"@DelegatedCaller on StockController.stock");
		assertThat(decision).hasToString("CallerDecision[granted=false, reason=insufficient_scope, "
				+ "callerType=DELEGATED, proof=TOKEN, serviceId=gateway, userId=alice, GET /stock/{id}, "
				+ "rule=@DelegatedCaller on StockController.stock, correlationId=c-1]");
	}

}
