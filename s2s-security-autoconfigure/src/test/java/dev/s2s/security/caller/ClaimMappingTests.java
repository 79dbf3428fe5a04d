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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClaimMapping}: which claims name the caller, how scopes and roles are
 * read (space-separated strings or arrays, nested role paths), and that each
 * {@code with...} override changes that one thing only.
 */
class ClaimMappingTests {

	/**
	 * Service tokens are those with {@code kind=service}; every claim has its own name.
	 */
	private static final ClaimMapping MAPPING = new ClaimMapping((jwt) -> "service".equals(jwt.getClaims().get("kind")),
			ClaimMapping.claim("svc"), ClaimMapping.claim("usr"), ClaimMapping.claim("party"), List.of("scope", "scp"),
			List.of("roles", "realm.roles", "clients.{service-id}.roles"), true, Set.of("gateway"));

	@Test
	void readsEachPartOfTheCallerFromItsOwnClaim() {
		Jwt jwt = jwt(Map.of("kind", "service", "svc", "orders", "usr", "alice", "party", "web-app"));
		assertThat(MAPPING.isService(jwt)).isTrue();
		assertThat(MAPPING.serviceId(jwt)).isEqualTo("orders");
		assertThat(MAPPING.userId(jwt)).isEqualTo("alice");
		assertThat(MAPPING.authorizedParty(jwt)).isEqualTo("web-app");
		assertThat(MAPPING.actorIsAuthorizedParty()).isTrue();
		Jwt user = jwt(Map.of("kind", "user"));
		assertThat(MAPPING.isService(user)).isFalse();
		assertThat(MAPPING.serviceId(user)).isNull();
		assertThat(MAPPING.userId(user)).isNull();
		assertThat(MAPPING.authorizedParty(user)).isNull();
	}

	@Test
	void delegatingClientsAreExactlyTheListedOnes() {
		assertThat(MAPPING.isDelegatingClient("gateway")).isTrue();
		assertThat(MAPPING.isDelegatingClient("Gateway")).isFalse();
		assertThat(MAPPING.isDelegatingClient("web-app")).isFalse();
		assertThat(MAPPING.isDelegatingClient(null)).isFalse();
		assertThat(IdentityProvider.GENERIC.claimMapping().isDelegatingClient("gateway")).isFalse();
	}

	@Test
	void textIsANonBlankStringOnly() {
		assertThat(ClaimMapping.text("orders")).isEqualTo("orders");
		assertThat(ClaimMapping.text(" orders ")).isEqualTo(" orders ");
		assertThat(ClaimMapping.text("")).isNull();
		assertThat(ClaimMapping.text(" \t")).isNull();
		assertThat(ClaimMapping.text(null)).isNull();
		assertThat(ClaimMapping.text(42)).isNull();
		assertThat(ClaimMapping.text(List.of("orders"))).isNull();
	}

	@Test
	void claimReadsOneClaimAsText() {
		assertThat(ClaimMapping.claim("svc").apply(jwt(Map.of("svc", "orders")))).isEqualTo("orders");
		assertThat(ClaimMapping.claim("svc").apply(jwt(Map.of("svc", " ")))).isNull();
		assertThat(ClaimMapping.claim("svc").apply(jwt(Map.of("svc", 7)))).isNull();
		assertThat(ClaimMapping.claim("svc").apply(jwt(Map.of("other", "orders")))).isNull();
	}

	@Test
	void firstClaimIsTheFirstNameWithText() {
		var first = ClaimMapping.firstClaim("a", "b", "c");
		assertThat(first.apply(jwt(Map.of("a", "1", "b", "2", "c", "3")))).isEqualTo("1");
		assertThat(first.apply(jwt(Map.of("b", "2", "c", "3")))).isEqualTo("2");
		// Blank or not a string: as if absent.
		assertThat(first.apply(jwt(Map.of("a", " ", "b", 5, "c", "3")))).isEqualTo("3");
		assertThat(first.apply(jwt(Map.of("a", "", "other", "x")))).isNull();
		assertThat(ClaimMapping.firstClaim().apply(jwt(Map.of("a", "1")))).isNull();
	}

	@Test
	void scopesFromSpaceSeparatedStringsInClaimOrder() {
		Jwt jwt = jwt(Map.of("scope", "  b\ta   c  ", "scp", "d b"));
		assertThat(MAPPING.scopes(jwt)).containsExactly("b", "a", "c", "d");
	}

	@Test
	void scopesFromArraysSkipEverythingThatIsNotText() {
		List<Object> items = new ArrayList<>();
		items.add("b");
		items.add(" ");
		items.add(3);
		items.add(null);
		items.add("a");
		items.add(List.of("nested"));
		assertThat(MAPPING.scopes(jwt(Map.of("scp", items)))).containsExactly("b", "a");
	}

	@Test
	void scopesWhenClaimsAreAbsentEmptyBlankOrOfAnotherTypeThenNone() {
		assertThat(MAPPING.scopes(jwt(Map.of("other", "a")))).isEmpty();
		assertThat(MAPPING.scopes(jwt(Map.of("scope", "")))).isEmpty();
		assertThat(MAPPING.scopes(jwt(Map.of("scope", "   ")))).isEmpty();
		assertThat(MAPPING.scopes(jwt(Map.of("scope", 1, "scp", Map.of("a", "b"))))).isEmpty();
		assertThat(MAPPING.scopes(jwt(Map.of("scp", List.of())))).isEmpty();
	}

	@Test
	void rolesFromTopLevelAndNestedPathsWithThisServicesId() {
		Jwt jwt = jwt(Map.of("roles", List.of("a"), "realm", Map.of("roles", List.of("b", "a")), "clients",
				Map.of("inventory", Map.of("roles", "c d"), "billing", Map.of("roles", List.of("not-mine")))));
		assertThat(MAPPING.roles(jwt, "inventory")).containsExactly("a", "b", "c", "d");
		assertThat(MAPPING.roles(jwt, "billing")).containsExactly("a", "b", "not-mine");
		assertThat(MAPPING.roles(jwt, "shipping")).containsExactly("a", "b");
	}

	@Test
	void rolesWhenAPathCrossesSomethingThatIsNotAnObjectThenNone() {
		// realm is a string, clients.inventory a list: the path ends there.
		Jwt jwt = jwt(Map.of("realm", "roles", "clients", Map.of("inventory", List.of(Map.of("roles", "x")))));
		assertThat(MAPPING.roles(jwt, "inventory")).isEmpty();
		// A path that is longer than the nesting.
		Jwt deep = jwt(Map.of("realm", Map.of("roles", Map.of("roles", List.of("x")))));
		assertThat(MAPPING.roles(deep, "inventory")).isEmpty();
	}

	@Test
	void rolesWhenTheServiceIdHasDotsThenTheWholeIdIsOneStep() {
		Jwt jwt = jwt(Map.of("clients", Map.of("inventory.eu", Map.of("roles", List.of("reader")), "inventory",
				Map.of("eu", Map.of("roles", List.of("wrong"))))));
		assertThat(MAPPING.roles(jwt, "inventory.eu")).containsExactly("reader");
	}

	@Test
	void withServiceIdClaimChangesTheServiceIdOnly() {
		Jwt jwt = jwt(Map.of("kind", "service", "svc", "orders", "app", "billing", "usr", "alice", "party", "web-app",
				"scope", "a", "roles", List.of("r")));
		ClaimMapping changed = MAPPING.withServiceIdClaim("app");
		assertThat(changed.serviceId(jwt)).isEqualTo("billing");
		assertSameOtherwise(changed, jwt);
		assertThat(changed.userId(jwt)).isEqualTo("alice");
		assertThat(MAPPING.serviceId(jwt)).isEqualTo("orders");
	}

	@Test
	void withUserIdClaimChangesTheUserIdOnly() {
		Jwt jwt = jwt(Map.of("kind", "service", "svc", "orders", "usr", "alice", "email", "alice@example.com", "party",
				"web-app", "scope", "a", "roles", List.of("r")));
		ClaimMapping changed = MAPPING.withUserIdClaim("email");
		assertThat(changed.userId(jwt)).isEqualTo("alice@example.com");
		assertSameOtherwise(changed, jwt);
		assertThat(changed.serviceId(jwt)).isEqualTo("orders");
		assertThat(MAPPING.userId(jwt)).isEqualTo("alice");
	}

	@Test
	void withScopeClaimsReplacesTheScopeClaimsOnly() {
		Jwt jwt = jwt(Map.of("kind", "service", "svc", "orders", "usr", "alice", "party", "web-app", "scope", "a",
				"perms", List.of("p", "q"), "roles", List.of("r")));
		ClaimMapping changed = MAPPING.withScopeClaims(List.of("perms"));
		assertThat(changed.scopes(jwt)).containsExactly("p", "q");
		assertThat(changed.roles(jwt, "inventory")).containsExactly("r");
		assertThat(changed.isService(jwt)).isTrue();
		assertThat(changed.serviceId(jwt)).isEqualTo("orders");
		assertThat(changed.userId(jwt)).isEqualTo("alice");
		assertThat(changed.authorizedParty(jwt)).isEqualTo("web-app");
		assertThat(changed.actorIsAuthorizedParty()).isTrue();
		assertThat(changed.isDelegatingClient("gateway")).isTrue();
		assertThat(MAPPING.scopes(jwt)).containsExactly("a");
	}

	@Test
	void withRoleClaimsReplacesTheRoleClaimsOnly() {
		Jwt jwt = jwt(Map.of("kind", "service", "svc", "orders", "usr", "alice", "party", "web-app", "scope", "a",
				"roles", List.of("r"), "groups", List.of("g")));
		ClaimMapping changed = MAPPING.withRoleClaims(List.of("groups"));
		assertThat(changed.roles(jwt, "inventory")).containsExactly("g");
		assertThat(changed.scopes(jwt)).containsExactly("a");
		assertThat(changed.isService(jwt)).isTrue();
		assertThat(changed.serviceId(jwt)).isEqualTo("orders");
		assertThat(changed.userId(jwt)).isEqualTo("alice");
		assertThat(changed.authorizedParty(jwt)).isEqualTo("web-app");
		assertThat(changed.actorIsAuthorizedParty()).isTrue();
		assertThat(changed.isDelegatingClient("gateway")).isTrue();
		assertThat(MAPPING.roles(jwt, "inventory")).containsExactly("r");
	}

	@Test
	void withDelegatingClientsReplacesTheDelegatingClientsOnly() {
		Jwt jwt = jwt(Map.of("kind", "service", "svc", "orders", "usr", "alice", "party", "web-app", "scope", "a",
				"roles", List.of("r")));
		ClaimMapping changed = MAPPING.withDelegatingClients(List.of("broker", "edge"));
		assertThat(changed.isDelegatingClient("broker")).isTrue();
		assertThat(changed.isDelegatingClient("edge")).isTrue();
		assertThat(changed.isDelegatingClient("gateway")).isFalse();
		assertThat(changed.isService(jwt)).isTrue();
		assertThat(changed.serviceId(jwt)).isEqualTo("orders");
		assertThat(changed.userId(jwt)).isEqualTo("alice");
		assertThat(changed.authorizedParty(jwt)).isEqualTo("web-app");
		assertThat(changed.actorIsAuthorizedParty()).isTrue();
		assertThat(changed.scopes(jwt)).containsExactly("a");
		assertThat(changed.roles(jwt, "inventory")).containsExactly("r");
		assertThat(MAPPING.isDelegatingClient("broker")).isFalse();
	}

	@Test
	void withClaimOverridesRefuseAnEmptyClaimName() {
		assertThatIllegalArgumentException().isThrownBy(() -> MAPPING.withServiceIdClaim(""))
			.withMessage("claim cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> MAPPING.withServiceIdClaim(" "))
			.withMessage("claim cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> MAPPING.withUserIdClaim(""))
			.withMessage("claim cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> MAPPING.withUserIdClaim(" "))
			.withMessage("claim cannot be empty");
	}

	@Test
	void aMappingIsNotChangedByLaterChangesToWhatItWasMadeFrom() {
		List<String> scopeClaims = new ArrayList<>(List.of("scope"));
		List<String> roleClaims = new ArrayList<>(List.of("roles"));
		List<String> clients = new ArrayList<>(List.of("gateway"));
		ClaimMapping mapping = MAPPING.withScopeClaims(scopeClaims)
			.withRoleClaims(roleClaims)
			.withDelegatingClients(clients);
		scopeClaims.set(0, "other");
		roleClaims.set(0, "other");
		clients.set(0, "other");
		Jwt jwt = jwt(Map.of("scope", "a", "roles", List.of("r"), "other", "x"));
		assertThat(mapping.scopes(jwt)).containsExactly("a");
		assertThat(mapping.roles(jwt, "inventory")).containsExactly("r");
		assertThat(mapping.isDelegatingClient("gateway")).isTrue();
		assertThat(mapping.isDelegatingClient("other")).isFalse();
	}

	private static void assertSameOtherwise(ClaimMapping changed, Jwt jwt) {
		assertThat(changed.isService(jwt)).isTrue();
		assertThat(changed.authorizedParty(jwt)).isEqualTo("web-app");
		assertThat(changed.actorIsAuthorizedParty()).isTrue();
		assertThat(changed.isDelegatingClient("gateway")).isTrue();
		assertThat(changed.scopes(jwt)).containsExactly("a");
		assertThat(changed.roles(jwt, "inventory")).containsExactly("r");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Map<String, Object> all = new HashMap<>(claims);
		return Jwt.withTokenValue("token").header("alg", "RS256").claims((c) -> c.putAll(all)).build();
	}

}
