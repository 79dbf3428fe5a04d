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

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CallerPolicy}: the order in which a policy checks a caller (who it is,
 * its kind, its service, its roles, its scopes), the reason of each denial, and how a
 * policy is built, narrowed and described.
 */
class CallerPolicyTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final RequestDetails REQUEST = new RequestDetails("POST", "/stock/{id}", "c-1");

	private static final String SOURCE = "@ServiceCaller on StockController.stock";

	@Test
	void allowedWhenEveryRequirementIsMet() {
		CallerPolicy policy = policy(
				CallerRule.of(CallerType.SERVICE, List.of("orders"), List.of("a", "b"), List.of("writer", "admin")));
		CallerDecision decision = policy.decide(service("orders", Set.of("a", "b", "c"), Set.of("admin")), REQUEST);
		assertThat(decision.isGranted()).isTrue();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.ALLOWED);
		assertThat(decision.getRequiredScopes()).isEmpty();
		assertThat(decision.getRule()).isEqualTo(SOURCE);
		assertThat(decision.getServiceId()).isEqualTo("orders");
		assertThat(decision.getHttpMethod()).isEqualTo("POST");
		assertThat(decision.getRoute()).isEqualTo("/stock/{id}");
		assertThat(decision.getCorrelationId()).isEqualTo("c-1");
	}

	@Test
	void emptyRequirementsAdmitAnyCallerOfTheKind() {
		CallerPolicy policy = policy(CallerRule.of(CallerType.SERVICE, List.of(), List.of(), List.of()));
		assertThat(policy.decide(service("anyone", Set.of(), Set.of()), REQUEST).getReason())
			.isEqualTo(DecisionReason.ALLOWED);
	}

	@Test
	void noAuthenticationAnonymousOrUnauthenticatedIsNotAuthenticated() {
		CallerPolicy policy = policy(CallerRule.of(CallerType.SERVICE, List.of(), List.of(), List.of()));
		assertDenied(policy.decide(null, REQUEST), DecisionReason.NOT_AUTHENTICATED);
		assertDenied(
				policy.decide(new AnonymousAuthenticationToken("k", "anonymous",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), REQUEST),
				DecisionReason.NOT_AUTHENTICATED);
		ServiceAuthentication unauthenticated = service("orders", Set.of(), Set.of());
		unauthenticated.setAuthenticated(false);
		CallerDecision decision = policy.decide(unauthenticated, REQUEST);
		assertDenied(decision, DecisionReason.NOT_AUTHENTICATED);
		assertThat(decision.getServiceId()).isEqualTo("orders");
	}

	@Test
	void anAuthenticationThatIsNotAnS2sCallerIsUnknown() {
		CallerPolicy policy = CallerPolicy.anyCaller(SOURCE);
		TestingAuthenticationToken other = new TestingAuthenticationToken("orders", "p", "SCOPE_a");
		CallerDecision decision = policy.decide(other, REQUEST);
		assertDenied(decision, DecisionReason.UNKNOWN_CALLER);
		assertThat(decision.getCallerType()).isNull();
	}

	@Test
	void aPolicyWithoutRulesAdmitsNoCaller() {
		CallerPolicy policy = new CallerPolicy("no caller annotation on StockController.stock", List.of());
		CallerDecision decision = policy.decide(service("orders", Set.of(), Set.of()), REQUEST);
		assertDenied(decision, DecisionReason.NO_RULE);
		assertThat(decision.getServiceId()).isEqualTo("orders");
		assertThat(decision.getRule()).isEqualTo("no caller annotation on StockController.stock");
		assertThat(policy.describe()).isEqualTo("no caller");
		assertThat(policy.rules()).isEmpty();
		assertThat(policy.serviceIds()).isEmpty();
	}

	@Test
	void aCallerOfAKindWithoutARuleIsRefusedByKind() {
		CallerPolicy services = policy(CallerRule.of(CallerType.SERVICE, List.of(), List.of(), List.of()));
		CallerPolicy users = policy(CallerRule.of(CallerType.USER, List.of(), List.of(), List.of()));
		assertDenied(services.decide(user(Set.of(), Set.of()), REQUEST), DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertDenied(users.decide(service("orders", Set.of(), Set.of()), REQUEST),
				DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertDenied(users.decide(delegated("gateway", Set.of(), Set.of()), REQUEST),
				DecisionReason.DELEGATION_NOT_ACCEPTED);
		assertDenied(services.decide(delegated("gateway", Set.of(), Set.of()), REQUEST),
				DecisionReason.DELEGATION_NOT_ACCEPTED);
	}

	@Test
	void aServiceTheRuleDoesNotListIsRefusedBeforeItsRolesAndScopes() {
		CallerPolicy policy = policy(
				CallerRule.of(CallerType.SERVICE, List.of("orders", "billing"), List.of("a"), List.of("admin")));
		assertDenied(policy.decide(service("shipping", Set.of(), Set.of()), REQUEST),
				DecisionReason.SERVICE_NOT_LISTED);
		assertThat(policy.decide(service("billing", Set.of("a"), Set.of("admin")), REQUEST).isGranted()).isTrue();
	}

	@Test
	void aDelegatedCallIsListedByItsActingService() {
		CallerPolicy policy = policy(CallerRule.of(CallerType.DELEGATED, List.of("gateway"), List.of(), List.of()));
		assertThat(policy.decide(delegated("gateway", Set.of(), Set.of()), REQUEST).getReason())
			.isEqualTo(DecisionReason.ALLOWED);
		// The user is not the acting service, even when named like it.
		DelegatedAuthentication byUserName = new DelegatedAuthentication(JWT, "gateway", "edge", Set.of(), Set.of());
		assertDenied(policy.decide(byUserName, REQUEST), DecisionReason.SERVICE_NOT_LISTED);
	}

	@Test
	void anyOneListedRoleAdmitsAndNoneIsAMissingRoleBeforeTheScopes() {
		CallerPolicy policy = policy(
				CallerRule.of(CallerType.USER, List.of(), List.of("a"), List.of("admin", "support")));
		assertThat(policy.decide(user(Set.of("a"), Set.of("support")), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(user(Set.of("a"), Set.of("admin", "guest")), REQUEST).isGranted()).isTrue();
		assertDenied(policy.decide(user(Set.of(), Set.of("guest")), REQUEST), DecisionReason.MISSING_ROLE);
		assertDenied(policy.decide(user(Set.of("a"), Set.of()), REQUEST), DecisionReason.MISSING_ROLE);
	}

	@Test
	void aMissingScopeIsInsufficientScopeNamingEveryRequiredScope() {
		CallerPolicy policy = policy(CallerRule.of(CallerType.SERVICE, List.of(), List.of("b", "a"), List.of()));
		CallerDecision decision = policy.decide(service("orders", Set.of("a"), Set.of()), REQUEST);
		assertDenied(decision, DecisionReason.INSUFFICIENT_SCOPE);
		assertThat(decision.getRequiredScopes()).containsExactly("a", "b");
		assertThat(decision.getRule()).isEqualTo(SOURCE);
		assertThat(decision.getServiceId()).isEqualTo("orders");
		assertThat(decision.getRoute()).isEqualTo("/stock/{id}");
		assertDenied(policy.decide(service("orders", Set.of(), Set.of()), REQUEST), DecisionReason.INSUFFICIENT_SCOPE);
		assertThat(policy.decide(service("orders", Set.of("b", "a"), Set.of()), REQUEST).isGranted()).isTrue();
	}

	@Test
	void otherDenialsRequireNoScope() {
		CallerPolicy policy = policy(CallerRule.of(CallerType.SERVICE, List.of("orders"), List.of("a"), List.of()));
		CallerDecision decision = policy.decide(service("shipping", Set.of(), Set.of()), REQUEST);
		assertThat(decision.getRequiredScopes()).isEmpty();
		assertThat(decision.getRule()).isEqualTo(SOURCE);
		assertThat(decision.getRoute()).isEqualTo("/stock/{id}");
	}

	@Test
	void aPolicyThatFailsToEvaluateDeniesAsAPolicyError() {
		CallerPolicy policy = CallerPolicy.anyCaller(SOURCE);
		TestingAuthenticationToken broken = new TestingAuthenticationToken("x", "p") {

			@Override
			public boolean isAuthenticated() {
				throw new IllegalStateException("broken");
			}

		};
		CallerDecision decision = policy.decide(broken, REQUEST);
		assertDenied(decision, DecisionReason.POLICY_ERROR);
		assertThat(decision.getRule()).isEqualTo(SOURCE);
	}

	@Test
	void anyCallerAdmitsEachKindWithoutRequirements() {
		CallerPolicy policy = CallerPolicy.anyCaller("handler");
		assertThat(policy.decide(service("orders", Set.of(), Set.of()), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(user(Set.of(), Set.of()), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(delegated("gateway", Set.of(), Set.of()), REQUEST).isGranted()).isTrue();
		assertThat(policy.source()).isEqualTo("handler");
		assertThat(policy.rules()).extracting(CallerRule::type)
			.containsExactly(CallerType.SERVICE, CallerType.USER, CallerType.DELEGATED);
		assertThat(policy.describe()).isEqualTo("services (any); users; users via services (any)");
	}

	@Test
	void aPolicyNeedsASourceAndAtMostOneRulePerKind() {
		CallerRule rule = CallerRule.of(CallerType.SERVICE, List.of(), List.of(), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> new CallerPolicy(" ", List.of(rule)))
			.withMessage("source cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CallerPolicy("here",
					List.of(rule, CallerRule.of(CallerType.SERVICE, List.of("orders"), List.of(), List.of()))))
			.withMessage("two rules for SERVICE in here");
	}

	@Test
	void onlyForKeepsTheRuleOfThatKindAndTheSource() {
		CallerPolicy policy = new CallerPolicy(SOURCE,
				List.of(CallerRule.of(CallerType.SERVICE, List.of("orders"), List.of(), List.of()),
						CallerRule.of(CallerType.USER, List.of(), List.of(), List.of("admin"))));
		CallerPolicy users = policy.onlyFor(CallerType.USER);
		assertThat(users.source()).isEqualTo(SOURCE);
		assertThat(users.rules()).extracting(CallerRule::type).containsExactly(CallerType.USER);
		assertDenied(users.decide(service("orders", Set.of(), Set.of()), REQUEST),
				DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(users.decide(user(Set.of(), Set.of("admin")), REQUEST).isGranted()).isTrue();
	}

	@Test
	void onlyForAKindThePolicyDoesNotAdmitNamesWhatItAdmits() {
		CallerPolicy policy = policy(CallerRule.of(CallerType.SERVICE, List.of("orders"), List.of("a"), List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> policy.onlyFor(CallerType.USER))
			.withMessage("it takes a user caller as a parameter, but its annotations admit services [orders] "
					+ "with scopes [a]");
		assertThatIllegalArgumentException().isThrownBy(() -> policy.onlyFor(CallerType.DELEGATED))
			.withMessage("it takes a delegated caller as a parameter, but its annotations admit services [orders] "
					+ "with scopes [a]");
	}

	@Test
	void serviceIdsAreTheSortedServicesOfEveryRule() {
		CallerPolicy policy = new CallerPolicy(SOURCE,
				List.of(CallerRule.of(CallerType.SERVICE, List.of("orders", "billing"), List.of(), List.of()),
						CallerRule.of(CallerType.DELEGATED, List.of("gateway", "billing"), List.of(), List.of())));
		assertThat(policy.serviceIds()).containsExactly("billing", "gateway", "orders");
		assertThat(policy.describe()).isEqualTo("services [billing, orders]; users via services [billing, gateway]");
	}

	private static CallerPolicy policy(CallerRule rule) {
		return new CallerPolicy(SOURCE, List.of(rule));
	}

	private static void assertDenied(CallerDecision decision, DecisionReason reason) {
		assertThat(decision.getReason()).isEqualTo(reason);
		assertThat(decision.isGranted()).isFalse();
	}

	private static ServiceAuthentication service(String id, Set<String> scopes, Set<String> roles) {
		return new ServiceAuthentication(JWT, id, scopes, roles);
	}

	private static CallerAuthentication user(Set<String> scopes, Set<String> roles) {
		return new UserAuthentication(JWT, "alice", scopes, roles);
	}

	private static CallerAuthentication delegated(String service, Set<String> scopes, Set<String> roles) {
		return new DelegatedAuthentication(JWT, "alice", service, scopes, roles);
	}

}
