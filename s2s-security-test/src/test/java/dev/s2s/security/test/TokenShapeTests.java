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

package dev.s2s.security.test;

import java.util.List;
import java.util.Map;

import dev.s2s.security.caller.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenShape}: each shape matches the tokens of its identity provider
 * (see shared/notes/idp-token-shapes.md), and every shaped token is still valid.
 */
class TokenShapeTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static FakeTokenIssuer issuer;

	@BeforeAll
	static void startIssuer() {
		issuer = FakeTokenIssuer.start();
	}

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@Test
	void keycloakWhenServiceThenServiceAccountClaims() {
		String token = service(IdentityProvider.KEYCLOAK).roles("inventory-reader").sign();

		assertThat(header(token)).containsEntry("typ", "JWT");
		assertThat(claims(token)).containsEntry("typ", "Bearer")
			.containsEntry("azp", "order-service")
			.containsEntry("client_id", "order-service")
			.containsEntry("preferred_username", "service-account-order-service")
			.containsEntry("scope", "inventory.read inventory.write")
			.containsEntry("realm_access", Map.of("roles", List.of("inventory-reader")))
			.doesNotContainKeys("sid", "nbf", "act");
		assertThat((String) claims(token).get("sub")).matches(UUID_PATTERN);
		assertThat((String) claims(token).get("jti")).startsWith("trrtcc:");
	}

	@Test
	void keycloakWhenUserAndDelegatedThenSameSubjectWithSessionAndNoAct() {
		Map<String, Object> user = claims(issuer.userToken("alice").provider(IdentityProvider.KEYCLOAK).sign());
		Map<String, Object> delegated = claims(
				issuer.delegatedToken("alice", "order-service").provider(IdentityProvider.KEYCLOAK).sign());

		assertThat(user).containsEntry("preferred_username", "alice")
			.containsEntry("azp", "web-app")
			.containsKey("sid")
			.doesNotContainKey("client_id");
		assertThat(delegated).containsEntry("sub", user.get("sub"))
			.containsEntry("azp", "order-service")
			.containsKey("sid")
			.doesNotContainKeys("act", "client_id");
	}

	@Test
	void springAuthorizationServerWhenServiceThenScopeArrayAndCustomizerClientId() {
		String token = service(IdentityProvider.SPRING_AUTHORIZATION_SERVER).sign();

		assertThat(header(token)).doesNotContainKey("typ");
		assertThat(claims(token)).containsEntry("sub", "order-service")
			.containsEntry("client_id", "order-service")
			.containsEntry("scope", List.of("inventory.read", "inventory.write"))
			.containsKeys("nbf", "jti")
			.doesNotContainKey("azp");
	}

	@Test
	void springAuthorizationServerWhenDelegatedThenActHasIssuerAndSubject() {
		Map<String, Object> claims = claims(issuer.delegatedToken("alice", "order-service")
			.audience("inventory-service")
			.provider(IdentityProvider.SPRING_AUTHORIZATION_SERVER)
			.sign());

		assertThat(claims).containsEntry("sub", "alice")
			.containsEntry("act", Map.of("iss", issuer.issuerUri().toString(), "sub", "order-service"));
	}

	@Test
	void oktaWhenServiceAndUserThenCidScpAndUidOnlyForUsers() {
		String token = service(IdentityProvider.OKTA).sign();
		Map<String, Object> user = claims(issuer.userToken("alice@example.com").provider(IdentityProvider.OKTA).sign());

		assertThat(header(token)).doesNotContainKey("typ");
		assertThat(claims(token)).containsEntry("ver", 1L)
			.containsEntry("cid", "order-service")
			.containsEntry("sub", "order-service")
			.containsEntry("scp", List.of("inventory.read", "inventory.write"))
			.doesNotContainKeys("uid", "scope", "client_id");
		assertThat((String) claims(token).get("jti")).startsWith("AT.");
		assertThat(user).containsEntry("sub", "alice@example.com").containsEntry("cid", "web-app");
		assertThat((String) user.get("uid")).startsWith("00u").hasSize(20);
	}

	@Test
	void entraIdWhenServiceThenAppOnlyClaims() {
		String token = service(IdentityProvider.ENTRA_ID).roles("Orders.Read.All").sign();
		Map<String, Object> claims = claims(token);

		assertThat(header(token)).containsEntry("typ", "JWT");
		assertThat(claims).containsEntry("azp", "order-service")
			.containsEntry("azpacr", "1")
			.containsEntry("idtyp", "app")
			.containsEntry("ver", "2.0")
			.containsEntry("oid", claims.get("sub"))
			.containsEntry("roles", List.of("Orders.Read.All", "inventory.read", "inventory.write"))
			.containsKeys("tid", "nbf")
			.doesNotContainKeys("scp", "scope", "jti");
	}

	@Test
	void entraIdWhenUserThenScpStringAndPairwiseSubject() {
		Map<String, Object> claims = claims(issuer.userToken("abe@example.com")
			.scopes("access_as_user")
			.provider(IdentityProvider.ENTRA_ID)
			.sign());

		assertThat(claims).containsEntry("scp", "access_as_user")
			.containsEntry("azpacr", "0")
			.containsEntry("preferred_username", "abe@example.com")
			.doesNotContainKey("idtyp");
		assertThat(claims.get("sub")).isNotEqualTo(claims.get("oid"));
	}

	@Test
	void auth0WhenServiceUserAndDelegatedThenAuth0Subjects() {
		String token = service(IdentityProvider.AUTH0).sign();
		Map<String, Object> user = claims(issuer.userToken("alice").provider(IdentityProvider.AUTH0).sign());
		Map<String, Object> delegated = claims(
				issuer.delegatedToken("alice", "order-service").provider(IdentityProvider.AUTH0).sign());

		assertThat(header(token)).containsEntry("typ", "JWT");
		assertThat(claims(token)).containsEntry("sub", "order-service@clients")
			.containsEntry("azp", "order-service")
			.containsEntry("gty", "client-credentials")
			.containsEntry("scope", "inventory.read inventory.write")
			.doesNotContainKeys("jti", "client_id");
		assertThat(user).containsEntry("sub", "auth0|alice").doesNotContainKey("gty");
		assertThat(delegated).containsEntry("sub", "auth0|alice")
			.containsEntry("azp", "order-service")
			.containsEntry("act", Map.of("sub", "order-service"));
	}

	@Test
	void everyShapeWhenDecodedBySpringSecurityThenIsValid() {
		for (IdentityProvider provider : IdentityProvider.values()) {
			String token = service(provider).sign();
			assertThat(Decoders.anyType(issuer, "inventory-service").decode(token).getClaims()).as(provider.name())
				.containsEntry("iss", issuer.issuerUri().toString())
				.containsKeys("iat", "exp");
		}
	}

	@Test
	void issuerShapeWhenConfiguredThenTokenEndpointAndMintedTokensUseIt() {
		try (FakeTokenIssuer okta = FakeTokenIssuer.builder()
			.provider(IdentityProvider.OKTA)
			.issuerPath("/oauth2/default")
			.start()) {
			assertThat(claims(okta.serviceToken("order-service").sign())).containsKey("cid");
		}
	}

	private static TokenBuilder service(IdentityProvider provider) {
		return issuer.serviceToken("order-service")
			.audience("inventory-service")
			.scopes("inventory.read", "inventory.write")
			.provider(provider);
	}

	private static Map<String, Object> header(String token) {
		return Http.header(token);
	}

	private static Map<String, Object> claims(String token) {
		return Http.claims(token);
	}

}
