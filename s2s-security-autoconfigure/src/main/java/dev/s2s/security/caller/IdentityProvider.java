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

import java.util.Locale;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

import static dev.s2s.security.caller.ClaimMapping.claim;
import static dev.s2s.security.caller.ClaimMapping.firstClaim;
import static dev.s2s.security.caller.ClaimMapping.text;

/**
 * Presets for how identity providers shape their access tokens. Each preset's
 * {@link #claimMapping()} can be adjusted; see {@link ClaimMapping}.
 *
 * <p>
 * A token with an RFC 8693 {@code act} claim is always a delegated call, whatever the
 * preset. Otherwise each preset decides "service or user" only from evidence the identity
 * provider itself puts in a token and a user cannot choose: the grant type, a claim the
 * provider adds to client-credentials tokens only, or the absence of a user claim the
 * provider always sets. A user's name, subject or display name is never evidence: where
 * users pick their own names, a user called {@code service-account-x} or named like a
 * client would otherwise become that service.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum IdentityProvider {

	/**
	 * Any provider, and the strictest preset: a token is a service's only with an
	 * explicit grant marker, {@code gty} of {@code client-credentials} or
	 * {@code client_credentials}, or {@code idtyp: app}; the service id is
	 * {@code client_id}, {@code azp}, {@code cid} or {@code appid}. RFC 9068 alone cannot
	 * tell a client from a user with the client's name (its section 5), so a provider
	 * that adds no marker gets users only.
	 */
	GENERIC {
		@Override
		public ClaimMapping claimMapping() {
			return new ClaimMapping((jwt) -> clientCredentials(jwt) || "app".equals(text(jwt, "idtyp")),
					firstClaim("client_id", "azp", "cid", "appid"), claim("sub"),
					firstClaim("azp", "client_id", "cid", "appid"), List.of("scope", "scp"), List.of("roles"), false,
					Set.of());
		}
	},

	/**
	 * Keycloak: a service-account token carries {@code client_id}, which Keycloak's
	 * {@code service_account} client scope adds from the client-credentials session and
	 * which no user token carries; the client is in {@code azp}; roles are realm roles
	 * and this service's client roles. The {@code service-account-} username is not
	 * evidence: a user can be named so.
	 */
	KEYCLOAK {
		@Override
		public ClaimMapping claimMapping() {
			return new ClaimMapping((jwt) -> text(jwt, "client_id") != null, firstClaim("azp", "client_id"),
					claim("sub"), claim("azp"), List.of("scope"),
					List.of("realm_access.roles", "resource_access.{service-id}.roles"), true, Set.of());
		}
	},

	/**
	 * Spring Authorization Server, with the token customizer this preset requires (see
	 * docs/identity-providers/spring-authorization-server.md): it adds {@code gty} (the
	 * grant type, e.g. {@code client_credentials}) and {@code client_id} to access
	 * tokens. Spring Authorization Server alone issues no claim that tells a
	 * client-credentials token from a user's token obtained by the same client, so
	 * without {@code gty} every token is read as a user's.
	 */
	SPRING_AUTHORIZATION_SERVER {
		@Override
		public ClaimMapping claimMapping() {
			return new ClaimMapping(IdentityProvider::clientCredentials, firstClaim("client_id", "sub"), claim("sub"),
					claim("client_id"), List.of("scope"), List.of("roles"), false, Set.of());
		}
	},

	/**
	 * Okta custom authorization servers: a service token has a {@code cid} and no
	 * {@code uid}, which Okta sets on every token bound to a user; users are identified
	 * by {@code uid}; scopes in {@code scp}.
	 */
	OKTA {
		@Override
		public ClaimMapping claimMapping() {
			return new ClaimMapping((jwt) -> text(jwt, "uid") == null && text(jwt, "cid") != null, claim("cid"),
					claim("uid"), claim("cid"), List.of("scp"), List.of("groups"), false, Set.of());
		}
	},

	/**
	 * Microsoft Entra ID (v1 and v2 tokens): {@code idtyp=app} (an optional claim worth
	 * enabling) or, without it, no {@code scp} (Entra puts one in every user token) and
	 * {@code oid == sub}; the client is {@code azp} (v2) or {@code appid} (v1); users are
	 * identified by {@code oid}.
	 */
	ENTRA_ID {
		@Override
		public ClaimMapping claimMapping() {
			Predicate<Jwt> app = (jwt) -> "app".equals(text(jwt, "idtyp"));
			Predicate<Jwt> appWithoutIdtyp = (jwt) -> {
				String oid = text(jwt, "oid");
				return text(jwt, "idtyp") == null && jwt.getClaims().get("scp") == null && oid != null
						&& oid.equals(text(jwt, "sub"));
			};
			return new ClaimMapping(app.or(appWithoutIdtyp), firstClaim("azp", "appid"), claim("oid"),
					firstClaim("azp", "appid"), List.of("scp"), List.of("roles"), false, Set.of());
		}
	},

	/**
	 * Auth0 (both token profiles): {@code gty=client-credentials}, or a {@code sub} of
	 * the form {@code <client>@clients}, which Auth0 gives clients only (user ids always
	 * start with their connection, {@code auth0|...}); the client is {@code azp} or
	 * {@code client_id}; RBAC {@code permissions} count as scopes.
	 */
	AUTH0 {
		@Override
		public ClaimMapping claimMapping() {
			return new ClaimMapping(
					(jwt) -> "client-credentials".equals(text(jwt, "gty")) || clientSubject(jwt) != null, (jwt) -> {
						String client = firstClaim("azp", "client_id").apply(jwt);
						return (client != null) ? client : clientSubject(jwt);
					}, claim("sub"), firstClaim("azp", "client_id"), List.of("scope", "permissions"), List.of(), false,
					Set.of());
		}
	};

	private static final String CLIENTS = "@clients";

	/**
	 * The value as it is written in configuration, e.g.
	 * {@code spring-authorization-server}.
	 * @return the value in kebab case
	 */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The claim mapping of this preset.
	 * @return the claim mapping
	 */
	public abstract ClaimMapping claimMapping();

	private static @Nullable String text(Jwt jwt, String claim) {
		return ClaimMapping.text(jwt.getClaims().get(claim));
	}

	/**
	 * The grant marker: Auth0's {@code gty} value, or the OAuth 2.0 grant type name that
	 * the Spring Authorization Server customizer writes.
	 */
	private static boolean clientCredentials(Jwt jwt) {
		String grant = text(jwt, "gty");
		return "client-credentials".equals(grant) || "client_credentials".equals(grant);
	}

	/**
	 * The client of an Auth0 {@code <client>@clients} subject, which has no connection
	 * prefix.
	 */
	private static @Nullable String clientSubject(Jwt jwt) {
		String subject = text(jwt, "sub");
		if (subject == null || !subject.endsWith(CLIENTS) || subject.contains("|")
				|| subject.length() == CLIENTS.length()) {
			return null;
		}
		return subject.substring(0, subject.length() - CLIENTS.length());
	}

}
