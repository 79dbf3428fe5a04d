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

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.Pointcut;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CallerPolicies} and {@link CallerPolicy}.
 */
class CallerPoliciesTests {

	private static final Jwt JWT = Jwt.withTokenValue("t")
		.header("alg", "RS256")
		.claim("sub", "x")
		.issuedAt(Instant.now())
		.expiresAt(Instant.now().plusSeconds(60))
		.build();

	private static final RequestDetails REQUEST = new RequestDetails("GET", "/stock", "c-1");

	private final CallerPolicies policies = new CallerPolicies();

	@Test
	void policyWhenMethodIsAnnotatedThenTheClassAnnotationIsIgnored() throws Exception {
		CallerPolicy policy = policy(new Annotated(), "users");
		assertThat(policy.source()).isEqualTo("@UserCaller on Annotated.users");
		assertThat(policy.decide(service("order-service"), REQUEST).getReason())
			.isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(policy.decide(user("customer"), REQUEST).isGranted()).isTrue();
	}

	@Test
	void policyWhenMethodIsNotAnnotatedThenTheClassAnnotationApplies() throws Exception {
		CallerPolicy policy = policy(new Annotated(), "inherited");
		assertThat(policy.decide(service("order-service"), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(service("payment-service"), REQUEST).getReason())
			.isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
	}

	@Test
	void policyWhenAnnotatedOnInterfaceOrAsMetaAnnotationThenFound() throws Exception {
		assertThat(policy(new Annotated(), "fromInterface").describe()).isEqualTo("services [billing-service]");
		assertThat(policy(new Annotated(), "meta").describe()).isEqualTo("services [order-service] with scopes [a, b]");
	}

	@Test
	void policyWhenNoCallerAnnotationThenNone() throws Exception {
		assertThat(this.policies.namedPolicy(new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open"))))
			.isNull();
	}

	@Test
	void decideWhenScopeMissingThenInsufficientScopeWithEveryRequiredScope() throws Exception {
		CallerDecision decision = policy(new Annotated(), "meta").decide(service("order-service", "a"), REQUEST);
		assertThat(decision.getReason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
		assertThat(decision.getRequiredScopes()).containsExactly("a", "b");
	}

	@Test
	void decideWhenRolesListedThenAnyOneAdmits() throws Exception {
		CallerPolicy policy = policy(new Annotated(), "users");
		assertThat(policy.decide(user("support"), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(user("guest"), REQUEST).getReason()).isEqualTo(DecisionReason.MISSING_ROLE);
	}

	@Test
	void decideWhenDelegatedThenOnlyWhereDeclared() throws Exception {
		DelegatedAuthentication delegated = new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(),
				Set.of("customer"));
		assertThat(policy(new Annotated(), "users").decide(delegated, REQUEST).getReason())
			.isEqualTo(DecisionReason.DELEGATION_NOT_ACCEPTED);
		assertThat(policy(new Annotated(), "viaGateway").decide(delegated, REQUEST).isGranted()).isTrue();
	}

	@Test
	void decisionNamesTheCallerAndTheRequest() throws Exception {
		DelegatedAuthentication delegated = new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(),
				Set.of("customer"));
		CallerDecision forDelegated = policy(new Annotated(), "viaGateway").decide(delegated, REQUEST);
		assertThat(forDelegated.getUserId()).isEqualTo("alice");
		assertThat(forDelegated.getServiceId()).isEqualTo("gateway");
		assertThat(forDelegated.getCallerType()).isEqualTo(CallerType.DELEGATED);
		assertThat(forDelegated.getCorrelationId()).isEqualTo("c-1");
		CallerDecision forUser = policy(new Annotated(), "users").decide(user("support"), REQUEST);
		assertThat(forUser.getUserId()).isEqualTo("alice");
		assertThat(forUser.getServiceId()).isNull();
		CallerDecision forService = policy(new Annotated(), "inherited").decide(service("order-service"), REQUEST);
		assertThat(forService.getServiceId()).isEqualTo("order-service");
		assertThat(forService.getUserId()).isNull();
		CallerDecision anonymous = policy(new Annotated(), "inherited").decide(null, REQUEST);
		assertThat(anonymous.getCallerType()).isNull();
		assertThat(anonymous.getServiceId()).isNull();
		assertThat(anonymous.getUserId()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a b", "quote\"", "back\\slash", "\u007f", "\u00e9" })
	void ruleRefusesAScopeThatIsNotAnRfc6749ScopeToken(String scope) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CallerRule.of(CallerType.SERVICE, List.of(), List.of(scope), List.of()));
	}

	@Test
	void ruleAcceptsScopeTokensAtTheEdgesOfTheRange() {
		assertThat(CallerRule.of(CallerType.SERVICE, List.of(), List.of("!", "~", "a:b/c"), List.of()).scopes())
			.containsExactly("!", "a:b/c", "~");
	}

	@Test
	void decideWhenNotAnS2sCallerOrAnonymousThenDenied() throws Exception {
		CallerPolicy policy = policy(new Annotated(), "inherited");
		assertThat(policy.decide(null, REQUEST).getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
		assertThat(policy
			.decide(new AnonymousAuthenticationToken("k", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), REQUEST)
			.getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
		assertThat(policy.decide(new TestingAuthenticationToken("order-service", "p", "SCOPE_a"), REQUEST).getReason())
			.isEqualTo(DecisionReason.UNKNOWN_CALLER);
	}

	@Test
	void policyWhenHandlerNamesNoCallerThenDeniedByDefaultUnlessAPathRuleCovers() throws Exception {
		HandlerMethod open = new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open"));
		CallerPolicy policy = this.policies.policy(open, false);
		assertThat(policy).isNotNull();
		assertThat(policy.source()).isEqualTo("no caller annotation on Plain.open");
		CallerDecision decision = policy.decide(service("order-service"), REQUEST);
		assertThat(decision.isGranted()).isFalse();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_RULE);
		assertThat(policy.decide(null, REQUEST).getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
		assertThat(this.policies.policy(open, true)).isNull();
		assertThat(this.policies.isUnannotated(open)).isTrue();
	}

	@Test
	void policyWhenUnannotatedHandlersAreAuthenticatedThenAnyCallerIsAdmitted() throws Exception {
		CallerPolicies authenticated = new CallerPolicies(UnannotatedHandlers.AUTHENTICATED, List.of());
		CallerPolicy policy = authenticated
			.policy(new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open")), false);
		assertThat(policy).isNotNull();
		assertThat(policy.decide(service("any"), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(user("none"), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(null, REQUEST).getReason()).isEqualTo(DecisionReason.NOT_AUTHENTICATED);
	}

	@Test
	void policyWhenMethodSecurityGovernsTheHandlerThenNoDefault() throws Exception {
		Pointcut preAuthorize = AuthorizationManagerBeforeMethodInterceptor.preAuthorize().getPointcut();
		CallerPolicies withMethodSecurity = new CallerPolicies(UnannotatedHandlers.DENY, List.of(preAuthorize));
		HandlerMethod secured = new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("secured"));
		assertThat(withMethodSecurity.policy(secured, false)).isNull();
		assertThat(withMethodSecurity.isUnannotated(secured)).isFalse();
		// Without the interceptor the annotation is not enforced, so it is no policy.
		assertThat(this.policies.policy(secured, false)).isNotNull();
	}

	@Test
	void policyWhenHandlerOnlyImplementsOtherInterfacesOrOnlySomeClassesAreMethodSecuredThenDefaultDeny()
			throws Exception {
		// Only Spring's ErrorController is exempt, not any controller that implements an
		// interface.
		HandlerMethod handler = new HandlerMethod(new Closeable(), Closeable.class.getDeclaredMethod("open"));
		assertThat(this.policies.policy(handler, false)).isNotNull();
		// A pointcut that matches other classes only governs those.
		Pointcut preAuthorize = AuthorizationManagerBeforeMethodInterceptor.preAuthorize().getPointcut();
		CallerPolicies withMethodSecurity = new CallerPolicies(UnannotatedHandlers.DENY, List.of(preAuthorize));
		HandlerMethod open = new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open"));
		assertThat(withMethodSecurity.policy(open, false)).isNotNull();
		assertThat(withMethodSecurity.isUnannotated(open)).isTrue();
	}

	@Test
	void policyWhenHandlerIsTheErrorControllerThenNoDefault() throws Exception {
		HandlerMethod error = new HandlerMethod(new Errors(), Errors.class.getDeclaredMethod("error"));
		assertThat(this.policies.policy(error, false)).isNull();
		assertThat(this.policies.isUnannotated(error)).isFalse();
	}

	@Test
	void policyWhenParameterIsACallerTypeThenOnlyThatKindIsAdmitted() throws Exception {
		CallerPolicy policy = this.policies.policy(
				new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("whoAmI", ServiceAuthentication.class)),
				false);
		assertThat(policy).isNotNull();
		assertThat(policy.source()).isEqualTo("ServiceAuthentication parameter of Plain.whoAmI");
		assertThat(policy.decide(service("any"), REQUEST).isGranted()).isTrue();
		assertThat(policy.decide(user("customer"), REQUEST).getReason())
			.isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
	}

	@Test
	void policyWhenParameterNarrowsTheAnnotationsThenOtherKindsAreDenied() throws Exception {
		CallerPolicy policy = policy(new Annotated(), "mine", UserAuthentication.class);
		assertThat(policy.decide(user("customer"), REQUEST).isGranted()).isTrue();
		DelegatedAuthentication delegated = new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(),
				Set.of("customer"));
		assertThat(policy.decide(delegated, REQUEST).getReason()).isEqualTo(DecisionReason.DELEGATION_NOT_ACCEPTED);
	}

	@Test
	void policyWhenParameterContradictsTheAnnotationsThenFailsNamingTheMethod() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.policies.namedPolicy(new HandlerMethod(new Broken(),
					Broken.class.getDeclaredMethod("contradiction", UserAuthentication.class))))
			.withMessageContaining("Broken.contradiction")
			.withMessageContaining("takes a user caller as a parameter");
	}

	@Test
	void policyWhenServiceIdEmptyThenFailsNamingTheMethod() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.policies
				.namedPolicy(new HandlerMethod(new Broken(), Broken.class.getDeclaredMethod("broken"))))
			.withMessageContaining("Broken.broken");
	}

	@Test
	void serviceIdsWhenPoliciesReadThenListsNamedServices() throws Exception {
		policy(new Annotated(), "inherited");
		policy(new Annotated(), "viaGateway");
		assertThat(this.policies.serviceIds()).containsExactlyInAnyOrder("order-service", "gateway");
	}

	@Test
	void describeNamesTheCallersAndWhereTheyAreNamedOrNothing() throws Exception {
		assertThat(this.policies.describe(new HandlerMethod(new Annotated(), Annotated.class.getMethod("users"))))
			.isEqualTo("users with any role of [customer, support] (@UserCaller on Annotated.users)");
		assertThat(this.policies.describe(new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open"))))
			.isNull();
		assertThat(this.policies.namedPolicy(new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open"))))
			.isNull();
	}

	@Test
	void aHandlersPolicyIsReadOnce() throws Exception {
		HandlerMethod users = new HandlerMethod(new Annotated(), Annotated.class.getMethod("users"));
		assertThat(this.policies.policy(users, false)).isSameAs(this.policies.namedPolicy(users))
			.isSameAs(this.policies.policy(users, true));
	}

	@Test
	void aNamedPolicyAppliesWhetherOrNotAPathRuleCovers() throws Exception {
		HandlerMethod users = new HandlerMethod(new Annotated(), Annotated.class.getMethod("users"));
		assertThat(this.policies.policy(users, true)).isNotNull();
		assertThat(this.policies.isUnannotated(users)).isFalse();
	}

	@Test
	void functionalEndpointsGetTheDefaultUnlessAPathRuleCovers() {
		CallerPolicy denied = this.policies.functionalPolicy(false);
		assertThat(denied.source()).isEqualTo("functional endpoint without a path rule");
		assertThat(denied.decide(service("order-service"), REQUEST).getReason()).isEqualTo(DecisionReason.NO_RULE);
		assertThat(this.policies.functionalPolicy(true)).isNull();
		CallerPolicies authenticated = new CallerPolicies(UnannotatedHandlers.AUTHENTICATED, List.of());
		assertThat(authenticated.functionalPolicy(false).decide(service("order-service"), REQUEST).isGranted())
			.isTrue();
		assertThat(authenticated.unannotated()).isEqualTo(UnannotatedHandlers.AUTHENTICATED);
		assertThat(this.policies.unannotated()).isEqualTo(UnannotatedHandlers.DENY);
	}

	@Test
	void aCallerAuthenticationParameterAdmitsAnyKindAndAMoreSpecificOneNarrows() throws Exception {
		CallerPolicy any = this.policies.namedPolicy(new HandlerMethod(new Parameters(),
				Parameters.class.getDeclaredMethod("any", CallerAuthentication.class)));
		assertThat(any.source()).isEqualTo("CallerAuthentication parameter of Parameters.any");
		assertThat(any.rules()).extracting(CallerRule::type)
			.containsExactly(CallerType.SERVICE, CallerType.USER, CallerType.DELEGATED);
		CallerPolicy narrowed = this.policies.namedPolicy(new HandlerMethod(new Parameters(), Parameters.class
			.getDeclaredMethod("anyThenService", CallerAuthentication.class, ServiceAuthentication.class)));
		assertThat(narrowed.rules()).extracting(CallerRule::type).containsExactly(CallerType.SERVICE);
		CallerPolicy serviceThenAny = this.policies.namedPolicy(new HandlerMethod(new Parameters(), Parameters.class
			.getDeclaredMethod("serviceThenAny", ServiceAuthentication.class, CallerAuthentication.class)));
		assertThat(serviceThenAny.rules()).extracting(CallerRule::type).containsExactly(CallerType.SERVICE);
		CallerPolicy twice = this.policies.namedPolicy(new HandlerMethod(new Parameters(), Parameters.class
			.getDeclaredMethod("twice", DelegatedAuthentication.class, DelegatedAuthentication.class)));
		assertThat(twice.rules()).extracting(CallerRule::type).containsExactly(CallerType.DELEGATED);
		assertThat(twice.source()).isEqualTo("DelegatedAuthentication parameter of Parameters.twice");
	}

	@Test
	void twoKindsOfCallerParametersFailNamingTheMethod() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.policies.namedPolicy(new HandlerMethod(new Parameters(),
					Parameters.class.getDeclaredMethod("twoKinds", ServiceAuthentication.class,
							UserAuthentication.class))))
			.withMessage(
					"Invalid caller annotation on Parameters.twoKinds: it takes two kinds of caller as parameters");
	}

	@Test
	void anInvalidAnnotationFailsNamingTheMethodAndTheReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.policies
				.namedPolicy(new HandlerMethod(new Broken(), Broken.class.getDeclaredMethod("broken"))))
			.withMessage("Invalid caller annotation on Broken.broken: service ids cannot be empty");
	}

	@Test
	void serviceIdsAreThoseOfNamedPoliciesOnly() throws Exception {
		CallerPolicies policies = new CallerPolicies(UnannotatedHandlers.AUTHENTICATED, List.of());
		policies.policy(new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("open")), false);
		assertThat(policies.serviceIds()).isEmpty();
		policies.namedPolicy(new HandlerMethod(new Annotated(), Annotated.class.getMethod("inherited")));
		assertThat(policies.serviceIds()).containsExactly("order-service").isUnmodifiable();
	}

	@Test
	void theDefaultsAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CallerPolicies(null, List.of()))
			.withMessage("unannotated cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new CallerPolicies(UnannotatedHandlers.DENY, null))
			.withMessage("methodSecurity cannot be null");
	}

	private CallerPolicy policy(Object bean, String method, Class<?>... parameterTypes) throws NoSuchMethodException {
		CallerPolicy policy = this.policies
			.namedPolicy(new HandlerMethod(bean, bean.getClass().getMethod(method, parameterTypes)));
		assertThat(policy).isNotNull();
		return policy;
	}

	private static ServiceAuthentication service(String id, String... scopes) {
		return new ServiceAuthentication(JWT, id, Set.of(scopes), Set.of());
	}

	private static UserAuthentication user(String role) {
		return new UserAuthentication(JWT, "alice", Set.of(), Set.of(role));
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ServiceCaller(value = "order-service", scopes = { "b", "a" })
	@interface Meta {

	}

	interface Api {

		@ServiceCaller("billing-service")
		void fromInterface();

	}

	@ServiceCaller("order-service")
	public static class Annotated implements Api {

		@UserCaller(roles = { "customer", "support" })
		public void users() {
		}

		public void inherited() {
		}

		@Override
		public void fromInterface() {
		}

		@Meta
		public void meta() {
		}

		@DelegatedCaller("gateway")
		public void viaGateway() {
		}

		@UserCaller
		@DelegatedCaller
		public void mine(UserAuthentication user) {
		}

	}

	static class Errors implements ErrorController {

		void error() {
		}

	}

	static class Closeable implements java.io.Closeable, java.io.Serializable {

		private static final long serialVersionUID = 1L;

		void open() {
		}

		@Override
		public void close() {
		}

	}

	static class Plain {

		void open() {
		}

		@PreAuthorize("hasAuthority('SCOPE_admin')")
		void secured() {
		}

		void whoAmI(ServiceAuthentication caller) {
		}

	}

	static class Parameters {

		void any(CallerAuthentication caller) {
		}

		void anyThenService(CallerAuthentication caller, ServiceAuthentication service) {
		}

		void serviceThenAny(ServiceAuthentication service, CallerAuthentication caller) {
		}

		void twice(DelegatedAuthentication first, DelegatedAuthentication second) {
		}

		void twoKinds(ServiceAuthentication service, UserAuthentication user) {
		}

	}

	static class Broken {

		@ServiceCaller("")
		void broken() {
		}

		@ServiceCaller
		void contradiction(UserAuthentication user) {
		}

	}

}
