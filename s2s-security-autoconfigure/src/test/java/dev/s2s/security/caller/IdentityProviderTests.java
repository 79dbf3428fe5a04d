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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IdentityProvider}: for each preset, the evidence that makes a token a
 * service's (and each piece of evidence alone, and its near misses), and the claims that
 * name the service, the user and the client, and hold scopes and roles.
 */
class IdentityProviderTests {

	@Test
	void toStringIsTheConfigurationValue() {
		assertThat(IdentityProvider.GENERIC).hasToString("generic");
		assertThat(IdentityProvider.KEYCLOAK).hasToString("keycloak");
		assertThat(IdentityProvider.SPRING_AUTHORIZATION_SERVER).hasToString("spring-authorization-server");
		assertThat(IdentityProvider.OKTA).hasToString("okta");
		assertThat(IdentityProvider.ENTRA_ID).hasToString("entra-id");
		assertThat(IdentityProvider.AUTH0).hasToString("auth0");
	}

	@Test
	void genericServiceOnlyWithAGrantMarkerOrAnAppTokenType() {
		ClaimMapping generic = IdentityProvider.GENERIC.claimMapping();
		assertThat(generic.isService(jwt("gty", "client-credentials"))).isTrue();
		assertThat(generic.isService(jwt("gty", "client_credentials"))).isTrue();
		assertThat(generic.isService(jwt("idtyp", "app"))).isTrue();
		assertThat(generic.isService(jwt("gty", "client credentials"))).isFalse();
		assertThat(generic.isService(jwt("gty", "authorization_code"))).isFalse();
		assertThat(generic.isService(jwt("gty", "Client_Credentials"))).isFalse();
		assertThat(generic.isService(jwt("idtyp", "user"))).isFalse();
		assertThat(generic.isService(jwt("gty", List.of("client_credentials")))).isFalse();
		assertThat(generic.isService(jwt("sub", "orders", "client_id", "orders", "azp", "orders"))).isFalse();
	}

	@Test
	void genericClaims() {
		ClaimMapping generic = IdentityProvider.GENERIC.claimMapping();
		Jwt all = jwt("client_id", "c", "azp", "a", "cid", "i", "appid", "p", "sub", "alice", "scope", "s1", "scp",
				List.of("s2"), "roles", List.of("r"), "realm_access", Map.of("roles", List.of("realm")));
		assertThat(generic.serviceId(all)).isEqualTo("c");
		assertThat(generic.serviceId(jwt("azp", "a", "cid", "i", "appid", "p"))).isEqualTo("a");
		assertThat(generic.serviceId(jwt("cid", "i", "appid", "p"))).isEqualTo("i");
		assertThat(generic.serviceId(jwt("appid", "p"))).isEqualTo("p");
		assertThat(generic.serviceId(jwt("sub", "orders"))).isNull();
		assertThat(generic.userId(all)).isEqualTo("alice");
		assertThat(generic.authorizedParty(all)).isEqualTo("a");
		assertThat(generic.authorizedParty(jwt("client_id", "c", "cid", "i", "appid", "p"))).isEqualTo("c");
		assertThat(generic.authorizedParty(jwt("cid", "i", "appid", "p"))).isEqualTo("i");
		assertThat(generic.authorizedParty(jwt("appid", "p"))).isEqualTo("p");
		assertThat(generic.scopes(all)).containsExactly("s1", "s2");
		assertThat(generic.roles(all, "inventory")).containsExactly("r");
		assertThat(generic.actorIsAuthorizedParty()).isFalse();
		assertThat(generic.isDelegatingClient("c")).isFalse();
	}

	@Test
	void keycloakServiceAccountsAreTokensWithAClientId() {
		ClaimMapping keycloak = IdentityProvider.KEYCLOAK.claimMapping();
		assertThat(keycloak.isService(jwt("client_id", "orders"))).isTrue();
		assertThat(keycloak.isService(jwt("client_id", " "))).isFalse();
		assertThat(keycloak.isService(jwt("azp", "orders", "preferred_username", "service-account-orders"))).isFalse();
	}

	@Test
	void keycloakClaims() {
		ClaimMapping keycloak = IdentityProvider.KEYCLOAK.claimMapping();
		Jwt jwt = jwt("azp", "orders", "client_id", "orders-client", "sub", "uuid", "scope", "a b", "scp", "c", "roles",
				List.of("top"), "realm_access", Map.of("roles", List.of("realm")), "resource_access",
				Map.of("inventory", Map.of("roles", List.of("client")), "billing", Map.of("roles", List.of("other"))));
		assertThat(keycloak.serviceId(jwt)).isEqualTo("orders");
		assertThat(keycloak.serviceId(jwt("client_id", "orders-client"))).isEqualTo("orders-client");
		assertThat(keycloak.userId(jwt)).isEqualTo("uuid");
		assertThat(keycloak.authorizedParty(jwt)).isEqualTo("orders");
		assertThat(keycloak.authorizedParty(jwt("client_id", "orders-client"))).isNull();
		assertThat(keycloak.scopes(jwt)).containsExactly("a", "b");
		assertThat(keycloak.roles(jwt, "inventory")).containsExactly("realm", "client");
		assertThat(keycloak.actorIsAuthorizedParty()).isTrue();
		assertThat(keycloak.isDelegatingClient("orders")).isFalse();
	}

	@Test
	void springAuthorizationServerServiceOnlyWithTheGrantMarker() {
		ClaimMapping sas = IdentityProvider.SPRING_AUTHORIZATION_SERVER.claimMapping();
		assertThat(sas.isService(jwt("gty", "client_credentials"))).isTrue();
		assertThat(sas.isService(jwt("gty", "client-credentials"))).isTrue();
		assertThat(sas.isService(jwt("gty", "authorization_code", "client_id", "orders", "sub", "orders"))).isFalse();
		assertThat(sas.isService(jwt("idtyp", "app"))).isFalse();
	}

	@Test
	void springAuthorizationServerClaims() {
		ClaimMapping sas = IdentityProvider.SPRING_AUTHORIZATION_SERVER.claimMapping();
		Jwt jwt = jwt("client_id", "orders", "sub", "subject", "azp", "a", "scope", "x", "scp", "y", "roles",
				List.of("r"));
		assertThat(sas.serviceId(jwt)).isEqualTo("orders");
		assertThat(sas.serviceId(jwt("sub", "subject"))).isEqualTo("subject");
		assertThat(sas.userId(jwt)).isEqualTo("subject");
		assertThat(sas.authorizedParty(jwt)).isEqualTo("orders");
		assertThat(sas.authorizedParty(jwt("azp", "a"))).isNull();
		assertThat(sas.scopes(jwt)).containsExactly("x");
		assertThat(sas.roles(jwt, "inventory")).containsExactly("r");
		assertThat(sas.actorIsAuthorizedParty()).isFalse();
	}

	@Test
	void oktaServiceTokensHaveACidAndNoUid() {
		ClaimMapping okta = IdentityProvider.OKTA.claimMapping();
		assertThat(okta.isService(jwt("cid", "orders"))).isTrue();
		assertThat(okta.isService(jwt("cid", "orders", "uid", " "))).isTrue();
		assertThat(okta.isService(jwt("cid", "orders", "uid", "00u1"))).isFalse();
		assertThat(okta.isService(jwt("sub", "orders"))).isFalse();
		assertThat(okta.isService(jwt("cid", " "))).isFalse();
	}

	@Test
	void oktaClaims() {
		ClaimMapping okta = IdentityProvider.OKTA.claimMapping();
		Jwt jwt = jwt("cid", "orders", "uid", "00u1", "sub", "alice@example.com", "azp", "a", "scp", List.of("x"),
				"scope", "y", "groups", List.of("g"), "roles", List.of("r"));
		assertThat(okta.serviceId(jwt)).isEqualTo("orders");
		assertThat(okta.userId(jwt)).isEqualTo("00u1");
		assertThat(okta.authorizedParty(jwt)).isEqualTo("orders");
		assertThat(okta.scopes(jwt)).containsExactly("x");
		assertThat(okta.roles(jwt, "inventory")).containsExactly("g");
		assertThat(okta.actorIsAuthorizedParty()).isFalse();
	}

	@Test
	void entraAppTokensByTokenTypeOrWithoutScpAndWithOidEqualToSub() {
		ClaimMapping entra = IdentityProvider.ENTRA_ID.claimMapping();
		assertThat(entra.isService(jwt("idtyp", "app", "scp", "x", "oid", "o", "sub", "s"))).isTrue();
		assertThat(entra.isService(jwt("oid", "o", "sub", "o"))).isTrue();
		// Each part of the evidence missing:
		assertThat(entra.isService(jwt("idtyp", "user", "oid", "o", "sub", "o"))).isFalse();
		assertThat(entra.isService(jwt("scp", "x", "oid", "o", "sub", "o"))).isFalse();
		assertThat(entra.isService(jwt("scp", List.of(), "oid", "o", "sub", "o"))).isFalse();
		assertThat(entra.isService(jwt("oid", "o", "sub", "s"))).isFalse();
		assertThat(entra.isService(jwt("oid", "o"))).isFalse();
		assertThat(entra.isService(jwt("sub", "o"))).isFalse();
		assertThat(entra.isService(jwt("oid", " ", "sub", " "))).isFalse();
	}

	@Test
	void entraClaims() {
		ClaimMapping entra = IdentityProvider.ENTRA_ID.claimMapping();
		Jwt v2 = jwt("azp", "orders", "appid", "v1-orders", "oid", "o", "sub", "s", "scp", "x", "scope", "y", "roles",
				List.of("r"));
		assertThat(entra.serviceId(v2)).isEqualTo("orders");
		assertThat(entra.serviceId(jwt("appid", "v1-orders"))).isEqualTo("v1-orders");
		assertThat(entra.userId(v2)).isEqualTo("o");
		assertThat(entra.authorizedParty(v2)).isEqualTo("orders");
		assertThat(entra.authorizedParty(jwt("appid", "v1-orders"))).isEqualTo("v1-orders");
		assertThat(entra.scopes(v2)).containsExactly("x");
		assertThat(entra.roles(v2, "inventory")).containsExactly("r");
		assertThat(entra.actorIsAuthorizedParty()).isFalse();
	}

	@Test
	void auth0ServiceTokensByGrantTypeOrAClientsSubject() {
		ClaimMapping auth0 = IdentityProvider.AUTH0.claimMapping();
		assertThat(auth0.isService(jwt("gty", "client-credentials", "sub", "auth0|alice"))).isTrue();
		assertThat(auth0.isService(jwt("sub", "orders@clients"))).isTrue();
		assertThat(auth0.isService(jwt("gty", "client_credentials", "sub", "auth0|alice"))).isFalse();
		assertThat(auth0.isService(jwt("gty", "password", "sub", "auth0|alice"))).isFalse();
		// Not a client subject: a connection prefix, no client before the suffix, no
		// suffix at the end, or no subject.
		assertThat(auth0.isService(jwt("sub", "auth0|orders@clients"))).isFalse();
		assertThat(auth0.isService(jwt("sub", "@clients"))).isFalse();
		assertThat(auth0.isService(jwt("sub", "orders@clients.example.com"))).isFalse();
		assertThat(auth0.isService(jwt("sub", "orders@client"))).isFalse();
		assertThat(auth0.isService(jwt("azp", "orders"))).isFalse();
	}

	@Test
	void auth0ServiceIdIsTheClientClaimElseTheClientOfTheSubject() {
		ClaimMapping auth0 = IdentityProvider.AUTH0.claimMapping();
		assertThat(auth0.serviceId(jwt("azp", "a", "client_id", "c", "sub", "s@clients"))).isEqualTo("a");
		assertThat(auth0.serviceId(jwt("client_id", "c", "sub", "s@clients"))).isEqualTo("c");
		assertThat(auth0.serviceId(jwt("sub", "s@clients"))).isEqualTo("s");
		assertThat(auth0.serviceId(jwt("sub", "x@y@clients"))).isEqualTo("x@y");
		assertThat(auth0.serviceId(jwt("sub", "auth0|s@clients"))).isNull();
		assertThat(auth0.serviceId(jwt("sub", "@clients"))).isNull();
		assertThat(auth0.serviceId(jwt("sub", "s"))).isNull();
		assertThat(auth0.serviceId(jwt("gty", "client-credentials"))).isNull();
	}

	@Test
	void auth0Claims() {
		ClaimMapping auth0 = IdentityProvider.AUTH0.claimMapping();
		Jwt jwt = jwt("azp", "web", "client_id", "c", "sub", "auth0|alice", "scope", "read", "permissions",
				List.of("write"), "scp", "x", "roles", List.of("r"));
		assertThat(auth0.userId(jwt)).isEqualTo("auth0|alice");
		assertThat(auth0.authorizedParty(jwt)).isEqualTo("web");
		assertThat(auth0.authorizedParty(jwt("client_id", "c"))).isEqualTo("c");
		assertThat(auth0.scopes(jwt)).containsExactly("read", "write");
		assertThat(auth0.roles(jwt, "inventory")).isEmpty();
		assertThat(auth0.actorIsAuthorizedParty()).isFalse();
	}

	private static Jwt jwt(Object... nameValues) {
		Map<String, Object> claims = new HashMap<>();
		for (int i = 0; i < nameValues.length; i += 2) {
			claims.put((String) nameValues[i], nameValues[i + 1]);
		}
		claims.putIfAbsent("iss", "https://idp.example.com");
		return Jwt.withTokenValue("token").header("alg", "RS256").claims((c) -> c.putAll(claims)).build();
	}

}
