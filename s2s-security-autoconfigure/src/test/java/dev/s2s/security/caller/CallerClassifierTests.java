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
package dev.s2s.security.caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CallerClassifier} on tokens shaped like each identity provider's
 * (claims as documented in the providers' docs and observed on Keycloak 26.7.3 and Spring
 * Authorization Server 7.1.2).
 */
class CallerClassifierTests {

	private static final String ISSUER = "https://idp.example.com";

	@Test
	void convertWhenKeycloakServiceAccountThenServiceWithRealmAndClientRoles() {
		Jwt jwt = jwt(Map.of("sub", "09b7b31e-1111-2222-3333-444455556666", "typ", "Bearer", "azp", "order-service",
				"client_id", "order-service", "preferred_username", "service-account-order-service", "scope",
				"profile inventory.read", "realm_access", Map.of("roles", List.of("offline_access")), "resource_access",
				Map.of("inventory-service", Map.of("roles", List.of("stock-reader")))));
		CallerAuthentication caller = classify(IdentityProvider.KEYCLOAK, jwt);
		assertThat(caller).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("order-service"));
		assertThat(caller.getScopes()).containsExactlyInAnyOrder("profile", "inventory.read");
		assertThat(caller.getRoles()).containsExactlyInAnyOrder("offline_access", "stock-reader");
		assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("SCOPE_inventory.read", "ROLE_stock-reader", "FACTOR_BEARER");
	}

	@Test
	void convertWhenKeycloakUserThenUserBySubject() {
		Jwt jwt = jwt(Map.of("sub", "41c12db4-aaaa", "typ", "Bearer", "azp", "web-app", "sid", "IUTj5",
				"preferred_username", "alice", "scope", "openid profile"));
		assertThat(classify(IdentityProvider.KEYCLOAK, jwt)).isInstanceOfSatisfying(UserAuthentication.class,
				(user) -> assertThat(user.getUserId()).isEqualTo("41c12db4-aaaa"));
	}

	@Test
	void convertWhenKeycloakExchangedTokenFromDelegatingClientThenDelegated() {
		Jwt jwt = jwt(Map.of("sub", "41c12db4-aaaa", "typ", "Bearer", "azp", "order-service", "sid", "IUTj5",
				"preferred_username", "alice"));
		ClaimMapping rules = IdentityProvider.KEYCLOAK.claimMapping().withDelegatingClients(List.of("order-service"));
		assertThat(new CallerClassifier(Map.of(ISSUER, rules), "inventory-service").convert(jwt))
			.isInstanceOfSatisfying(DelegatedAuthentication.class, (delegated) -> {
				assertThat(delegated.getUserId()).isEqualTo("41c12db4-aaaa");
				assertThat(delegated.getServiceId()).isEqualTo("order-service");
			});
	}

	@Test
	void convertWhenKeycloakActClaimThenActorIsAuthorizedPartyNotServiceAccountUuid() {
		Jwt jwt = jwt(Map.of("sub", "41c12db4-aaaa", "azp", "order-service", "act",
				Map.of("sub", "0c5f-service-account-uuid")));
		assertThat(classify(IdentityProvider.KEYCLOAK, jwt)).isInstanceOfSatisfying(DelegatedAuthentication.class,
				(delegated) -> assertThat(delegated.getServiceId()).isEqualTo("order-service"));
	}

	@Test
	void convertWhenSpringAuthorizationServerClientCredentialsThenService() {
		Jwt jwt = jwt(Map.of("sub", "order-service", "gty", "client_credentials", "client_id", "order-service", "scope",
				List.of("inventory.read")));
		CallerAuthentication caller = classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt);
		assertThat(caller).isInstanceOf(ServiceAuthentication.class);
		assertThat(caller.getScopes()).containsExactly("inventory.read");
	}

	@Test
	void convertWhenSpringAuthorizationServerTokenExchangeThenDelegatedToOutermostActor() {
		Jwt jwt = jwt(Map.of("sub", "alice", "client_id", "order-service", "act",
				Map.of("iss", ISSUER, "sub", "order-service", "act", Map.of("sub", "web-gateway"))));
		assertThat(classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt))
			.isInstanceOfSatisfying(DelegatedAuthentication.class, (delegated) -> {
				assertThat(delegated.getUserId()).isEqualTo("alice");
				assertThat(delegated.getServiceId()).isEqualTo("order-service");
			});
	}

	@Test
	void convertWhenSpringAuthorizationServerUserThenUser() {
		Jwt jwt = jwt(Map.of("sub", "alice", "scope", List.of("inventory.read")));
		assertThat(classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt)).isInstanceOf(UserAuthentication.class);
	}

	@Test
	void convertWhenOktaServiceThenServiceByCid() {
		Jwt jwt = jwt(Map.of("ver", 1, "cid", "0oaiox8bms", "sub", "0oaiox8bms", "scp", List.of("customScope")));
		CallerAuthentication caller = classify(IdentityProvider.OKTA, jwt);
		assertThat(caller).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("0oaiox8bms"));
		assertThat(caller.getScopes()).containsExactly("customScope");
	}

	@Test
	void convertWhenOktaUserThenUserByUid() {
		Jwt jwt = jwt(Map.of("cid", "0oa-app", "uid", "00u930oo", "sub", "user@example.com", "scp",
				List.of("openid", "email")));
		assertThat(classify(IdentityProvider.OKTA, jwt)).isInstanceOfSatisfying(UserAuthentication.class,
				(user) -> assertThat(user.getUserId()).isEqualTo("00u930oo"));
	}

	@Test
	void convertWhenEntraAppTokenThenServiceByAzpWithAppRoles() {
		Jwt jwt = jwt(Map.of("azp", "caller-app-id", "idtyp", "app", "oid", "sp-oid", "sub", "sp-oid", "roles",
				List.of("Orders.Read.All"), "tid", "tenant", "ver", "2.0"));
		CallerAuthentication caller = classify(IdentityProvider.ENTRA_ID, jwt);
		assertThat(caller).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("caller-app-id"));
		assertThat(caller.getRoles()).containsExactly("Orders.Read.All");
	}

	@Test
	void convertWhenEntraV1AppTokenWithoutIdtypThenServiceByAppid() {
		Jwt jwt = jwt(Map.of("appid", "caller-app-id", "oid", "sp-oid", "sub", "sp-oid", "ver", "1.0"));
		assertThat(classify(IdentityProvider.ENTRA_ID, jwt)).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("caller-app-id"));
	}

	@Test
	void convertWhenEntraUserTokenThenUserByOid() {
		Jwt jwt = jwt(
				Map.of("azp", "spa-id", "oid", "690222be", "sub", "HKZpfaHy", "scp", "access_as_user", "ver", "2.0"));
		CallerAuthentication caller = classify(IdentityProvider.ENTRA_ID, jwt);
		assertThat(caller).isInstanceOfSatisfying(UserAuthentication.class,
				(user) -> assertThat(user.getUserId()).isEqualTo("690222be"));
		assertThat(caller.getScopes()).containsExactly("access_as_user");
	}

	@Test
	void convertWhenAuth0ClientCredentialsThenServiceByAzp() {
		Jwt jwt = jwt(Map.of("sub", "OOZH6s5s@clients", "azp", "OOZH6s5s", "gty", "client-credentials", "scope",
				"read:orders"));
		assertThat(classify(IdentityProvider.AUTH0, jwt)).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("OOZH6s5s"));
	}

	@Test
	void convertWhenAuth0Rfc9068ProfileWithoutAzpThenServiceFromClientsSubject() {
		Jwt jwt = jwt(Map.of("sub", "OOZH6s5s@clients", "scope", "read:orders"));
		assertThat(classify(IdentityProvider.AUTH0, jwt)).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("OOZH6s5s"));
	}

	@Test
	void convertWhenAuth0UserWithPermissionsThenUserWithPermissionsAsScopes() {
		Jwt jwt = jwt(Map.of("sub", "auth0|123456", "azp", "my_client_id", "scope", "openid profile", "permissions",
				List.of("read:patients")));
		CallerAuthentication caller = classify(IdentityProvider.AUTH0, jwt);
		assertThat(caller).isInstanceOf(UserAuthentication.class);
		assertThat(caller.getScopes()).contains("read:patients", "openid");
	}

	@Test
	void convertWhenGenericRfc9068ServiceWithAGrantMarkerThenService() {
		Jwt jwt = jwt(Map.of("sub", "order-service", "client_id", "order-service", "gty", "client_credentials", "scope",
				"inventory.read"));
		assertThat(classify(IdentityProvider.GENERIC, jwt)).isInstanceOfSatisfying(ServiceAuthentication.class,
				(service) -> assertThat(service.getServiceId()).isEqualTo("order-service"));
	}

	@Test
	void convertWhenGenericTokenHasNoGrantMarkerThenUserEvenIfSubjectIsTheClient() {
		Jwt jwt = jwt(Map.of("sub", "order-service", "client_id", "order-service", "scope", "inventory.read"));
		assertThat(classify(IdentityProvider.GENERIC, jwt)).isInstanceOf(UserAuthentication.class);
	}

	/**
	 * A user who imitates a service in every way a user could: username, subject and
	 * display name. No preset may make a service of them.
	 */
	@ParameterizedTest
	@EnumSource(IdentityProvider.class)
	void convertWhenAUserImitatesAServiceThenUserForEveryPreset(IdentityProvider provider) {
		Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", "web-app", "client_id", "web-app", "azp",
				"web-app", "cid", "web-app", "preferred_username", "service-account-web-app", "name",
				"service-account-web-app", "scope", "inventory.read", "scp", "inventory.read"));
		// What each provider puts in every user token, and a user cannot remove.
		switch (provider) {
			case OKTA -> claims.put("uid", "00u930ooYXgBltqbs9c5");
			case ENTRA_ID -> claims.put("oid", "690222be-ff1a-4d56-abd1-7e4f7d38e474");
			case KEYCLOAK -> claims.remove("client_id");
			case AUTH0 -> claims.put("sub", "auth0|web-app@clients");
			default -> {
			}
		}
		assertThat(classify(provider, jwt(claims))).as(provider.toString()).isInstanceOf(UserAuthentication.class);
	}

	@Test
	void convertWhenKeycloakUserIsNamedLikeAServiceAccountThenUser() {
		Jwt jwt = jwt(Map.of("sub", "41c12db4-aaaa", "typ", "Bearer", "azp", "web-app", "sid", "IUTj5",
				"preferred_username", "service-account-mallory"));
		assertThat(classify(IdentityProvider.KEYCLOAK, jwt)).isInstanceOf(UserAuthentication.class);
	}

	@Test
	void convertWhenSpringAuthorizationServerUserIsNamedLikeAClientThenUser() {
		Jwt jwt = jwt(Map.of("sub", "order-service", "gty", "authorization_code", "client_id", "order-service"));
		assertThat(classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt)).isInstanceOf(UserAuthentication.class);
	}

	@Test
	void rolesWhenTheServiceIdHasDotsThenItsClientRolesAreFound() {
		Jwt jwt = jwt(Map.of("sub", "41c12db4-aaaa", "azp", "web-app", "resource_access",
				Map.of("inventory.service.eu", Map.of("roles", List.of("stock-reader")))));
		CallerAuthentication caller = new CallerClassifier(Map.of(ISSUER, IdentityProvider.KEYCLOAK.claimMapping()),
				"inventory.service.eu")
			.convert(jwt);
		assertThat(caller.getRoles()).containsExactly("stock-reader");
	}

	@Test
	void convertWhenGenericUserOfAClientThenUser() {
		Jwt jwt = jwt(Map.of("sub", "alice", "client_id", "web-app", "scope", "inventory.read"));
		assertThat(classify(IdentityProvider.GENERIC, jwt)).isInstanceOf(UserAuthentication.class);
	}

	@Test
	void convertWhenServiceTokenHasNoClientIdThenRefused() {
		Jwt jwt = jwt(Map.of("sub", "x", "gty", "client-credentials"));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.GENERIC, jwt));
	}

	@Test
	void convertWhenActClaimHasNoSubjectThenRefused() {
		Jwt jwt = jwt(Map.of("sub", "alice", "act", Map.of("iss", ISSUER)));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.GENERIC, jwt));
	}

	@Test
	void convertWhenIssuerHasNoRulesThenRefused() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://other").subject("alice").build();
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.GENERIC, jwt));
	}

	@Test
	void convertWhenOverriddenClaimsThenOverridesApply() {
		Jwt jwt = jwt(Map.of("sub", "svc", "gty", "client-credentials", "client_id", "svc", "app_name", "billing",
				"perms", "a b"));
		ClaimMapping rules = IdentityProvider.GENERIC.claimMapping()
			.withServiceIdClaim("app_name")
			.withScopeClaims(List.of("perms"));
		CallerAuthentication caller = new CallerClassifier(Map.of(ISSUER, rules), "inventory-service").convert(jwt);
		assertThat(caller.getName()).isEqualTo("billing");
		assertThat(caller.getScopes()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void toStringWhenAnyCallerThenNeverContainsTheToken() {
		Jwt jwt = jwt(Map.of("sub", "order-service", "client_id", "order-service", "gty", "client_credentials"));
		assertThat(classify(IdentityProvider.GENERIC, jwt).toString()).contains("order-service")
			.doesNotContain("secret-token-value");
	}

	@Test
	void convertWhenSpringAuthorizationServerExchangeByAnotherClientThenTheActorIsTheService() {
		// The client that exchanged the token is not the actor: only the act claim names
		// it.
		Jwt jwt = jwt(Map.of("sub", "alice", "client_id", "token-broker", "act", Map.of("sub", "order-service")));
		assertThat(classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt)).isInstanceOfSatisfying(
				DelegatedAuthentication.class,
				(delegated) -> assertThat(delegated.getServiceId()).isEqualTo("order-service"));
	}

	@Test
	void callerExposesTheVerifiedTokenItsClaimsAndScopes() {
		Jwt jwt = jwt(Map.of("sub", "order-service", "gty", "client_credentials", "client_id", "order-service", "scope",
				List.of("inventory.read")));
		CallerAuthentication caller = classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt);
		assertThat(caller.getToken()).isSameAs(jwt);
		assertThat(caller.getClaims()).isEqualTo(jwt.getClaims());
		assertThat(caller.getPrincipal()).isSameAs(jwt);
		assertThat(caller.getCredentials()).isSameAs(jwt);
		assertThat(caller.hasScope("inventory.read")).isTrue();
		assertThat(caller.hasScope("inventory.write")).isFalse();
		assertThat(caller.getName()).isEqualTo("order-service");
	}

	@Test
	void classifierKnowsItsIssuersAndRefusesToBeBuiltWithoutOneOrWithoutAServiceId() {
		ClaimMapping mapping = IdentityProvider.GENERIC.claimMapping();
		assertThat(new CallerClassifier(Map.of(ISSUER, mapping), "inventory-service").issuers())
			.containsExactly(ISSUER);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new CallerClassifier(Map.of(), "inventory-service"))
			.withMessage("mappingByIssuer cannot be empty");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new CallerClassifier(Map.of(ISSUER, mapping), " "))
			.withMessage("serviceId cannot be empty");
	}

	@Test
	void claimMappingRefusesAnEmptyClaimName() {
		ClaimMapping mapping = IdentityProvider.GENERIC.claimMapping();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> mapping.withServiceIdClaim(""))
			.withMessage("claim cannot be empty");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> mapping.withUserIdClaim(" "))
			.withMessage("claim cannot be empty");
	}

	@Test
	void convertWhenKeycloakActClaimWithoutAuthorizedPartyThenTheActorsSubject() {
		Jwt jwt = jwt(Map.of("sub", "41c12db4-aaaa", "act", Map.of("sub", "order-service")));
		assertThat(classify(IdentityProvider.KEYCLOAK, jwt)).isInstanceOfSatisfying(DelegatedAuthentication.class,
				(delegated) -> assertThat(delegated.getServiceId()).isEqualTo("order-service"));
	}

	@Test
	void convertWhenActClaimIsNotAnObjectOrItsSubjectIsBlankThenRefusedWithTheReason() {
		for (Object act : List.of("order-service", List.of(Map.of("sub", "order-service")), Map.of("sub", " "),
				Map.of("sub", 42))) {
			Jwt jwt = jwt(Map.of("sub", "alice", "act", act));
			assertThatExceptionOfType(InvalidBearerTokenException.class)
				.isThrownBy(() -> classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt))
				.withMessage("The access token does not identify its caller");
		}
	}

	@Test
	void convertWhenDelegatedTokenHasNoUserThenRefusedWithTheReason() {
		Jwt jwt = jwt(Map.of("client_id", "order-service", "act", Map.of("sub", "order-service")));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.SPRING_AUTHORIZATION_SERVER, jwt))
			.withMessage("The access token does not identify its caller");
	}

	@Test
	void convertWhenUserTokenHasNoUserIdThenRefusedWithTheReason() {
		// Okta: without a cid it is a user's token, and users are named by uid only.
		Jwt noUid = jwt(Map.of("sub", "alice"));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.OKTA, noUid))
			.withMessage("The access token does not identify its caller");
	}

	@Test
	void convertWhenServiceTokenHasNoClientIdOrTheIssuerIsUnknownThenRefusedWithTheReason() {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.GENERIC, jwt(Map.of("sub", "x", "gty", "client-credentials"))))
			.withMessage("The access token does not identify its caller");
		Jwt other = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://other").subject("alice").build();
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.GENERIC, other))
			.withMessage("The access token does not identify its caller");
		Jwt noIssuer = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").build();
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> classify(IdentityProvider.GENERIC, noIssuer))
			.withMessage("The access token does not identify its caller");
	}

	@Test
	void convertWhenUserTokenFromAClientThatIsNotDelegatingThenUser() {
		Jwt jwt = jwt(Map.of("sub", "alice", "azp", "web-app"));
		ClaimMapping rules = IdentityProvider.KEYCLOAK.claimMapping().withDelegatingClients(List.of("order-service"));
		assertThat(new CallerClassifier(Map.of(ISSUER, rules), "inventory-service").convert(jwt))
			.isInstanceOfSatisfying(UserAuthentication.class,
					(user) -> assertThat(user.getUserId()).isEqualTo("alice"));
	}

	@Test
	void everyKindOfCallerCarriesItsScopesAndThisServicesRoles() {
		Map<String, Object> access = Map.of("scope", "a b", "realm_access", Map.of("roles", List.of("realm")),
				"resource_access", Map.of("inventory-service", Map.of("roles", List.of("mine")), "other-service",
						Map.of("roles", List.of("theirs"))));
		ClaimMapping rules = IdentityProvider.KEYCLOAK.claimMapping().withDelegatingClients(List.of("order-service"));
		CallerClassifier classifier = new CallerClassifier(Map.of(ISSUER, rules), "inventory-service");
		Map<String, Object> service = new java.util.HashMap<>(access);
		service.putAll(Map.of("sub", "uuid", "client_id", "order-service", "azp", "order-service"));
		Map<String, Object> user = new java.util.HashMap<>(access);
		user.putAll(Map.of("sub", "alice", "azp", "web-app"));
		Map<String, Object> delegatedByClient = new java.util.HashMap<>(access);
		delegatedByClient.putAll(Map.of("sub", "alice", "azp", "order-service"));
		Map<String, Object> delegatedByAct = new java.util.HashMap<>(access);
		delegatedByAct.putAll(Map.of("sub", "alice", "act", Map.of("sub", "order-service")));
		for (Map<String, Object> claims : List.of(service, user, delegatedByClient, delegatedByAct)) {
			CallerAuthentication caller = classifier.convert(jwt(claims));
			assertThat(caller.getScopes()).containsExactlyInAnyOrder("a", "b");
			assertThat(caller.getRoles()).containsExactlyInAnyOrder("realm", "mine");
		}
		assertThat(classifier.convert(jwt(service))).isInstanceOf(ServiceAuthentication.class);
		assertThat(classifier.convert(jwt(user))).isInstanceOf(UserAuthentication.class);
		assertThat(classifier.convert(jwt(delegatedByClient))).isInstanceOf(DelegatedAuthentication.class);
		assertThat(classifier.convert(jwt(delegatedByAct))).isInstanceOf(DelegatedAuthentication.class);
	}

	private static CallerAuthentication classify(IdentityProvider provider, Jwt jwt) {
		return new CallerClassifier(Map.of(ISSUER, provider.claimMapping()), "inventory-service").convert(jwt);
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("secret-token-value")
			.header("alg", "RS256")
			.issuer(ISSUER)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.claims((c) -> c.putAll(claims))
			.build();
	}

}
