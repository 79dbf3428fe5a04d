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

import static dev.s2s.security.caller.CallerRules.claim;
import static dev.s2s.security.caller.CallerRules.firstClaim;
import static dev.s2s.security.caller.CallerRules.text;

/**
 * Presets for how identity providers shape their access tokens. Each preset's
 * {@link #rules()} can be adjusted; see {@link CallerRules}.
 *
 * <p>
 * A token with an RFC 8693 {@code act} claim is always a delegated call, whatever the
 * preset. Otherwise each preset decides "service or user" from the markers its provider
 * puts in client-credentials tokens.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum IdentityProvider {

	/**
	 * Any provider: a service token has a client marker ({@code sub} equal to
	 * {@code client_id}, {@code azp}, {@code cid} or {@code appid}; {@code idtyp=app};
	 * {@code gty=client-credentials}; a {@code service-account-} username).
	 */
	GENERIC {
		@Override
		public CallerRules rules() {
			return new CallerRules(
					(jwt) -> subjectIsClient(jwt, "client_id", "azp", "cid", "appid")
							|| "app".equals(text(jwt, "idtyp")) || "client-credentials".equals(text(jwt, "gty"))
							|| serviceAccount(jwt),
					firstClaim("client_id", "azp", "cid", "appid"), claim("sub"),
					firstClaim("azp", "client_id", "cid", "appid"), List.of("scope", "scp"), List.of("roles"), false,
					Set.of());
		}
	},

	/**
	 * Keycloak: service-account tokens carry {@code preferred_username:
	 * service-account-<client>} and a {@code client_id} claim; the client is in
	 * {@code azp}; roles are realm roles and this service's client roles.
	 */
	KEYCLOAK {
		@Override
		public CallerRules rules() {
			return new CallerRules((jwt) -> serviceAccount(jwt) || text(jwt, "client_id") != null,
					firstClaim("azp", "client_id"), claim("sub"), claim("azp"), List.of("scope"),
					List.of("realm_access.roles", "resource_access.{service-id}.roles"), true, Set.of());
		}
	},

	/**
	 * Spring Authorization Server, with a token customizer that adds the RFC 9068
	 * {@code client_id} claim: a service token's {@code sub} is its client id. Without
	 * that claim every token is read as a user's, so a service is never mistaken for one.
	 */
	SPRING_AUTHORIZATION_SERVER {
		@Override
		public CallerRules rules() {
			return new CallerRules((jwt) -> subjectIsClient(jwt, "client_id"), claim("client_id"), claim("sub"),
					claim("client_id"), List.of("scope"), List.of("roles"), false, Set.of());
		}
	},

	/**
	 * Okta custom authorization servers: a service token has a {@code cid} and no
	 * {@code uid}; users are identified by {@code uid}; scopes in {@code scp}.
	 */
	OKTA {
		@Override
		public CallerRules rules() {
			return new CallerRules((jwt) -> text(jwt, "uid") == null && text(jwt, "cid") != null, claim("cid"),
					claim("uid"), claim("cid"), List.of("scp"), List.of("groups"), false, Set.of());
		}
	},

	/**
	 * Microsoft Entra ID (v1 and v2 tokens): {@code idtyp=app} (an optional claim worth
	 * enabling) or, without it, no {@code scp} and {@code oid == sub}; the client is
	 * {@code azp} (v2) or {@code appid} (v1); users are identified by {@code oid}.
	 */
	ENTRA_ID {
		@Override
		public CallerRules rules() {
			Predicate<Jwt> app = (jwt) -> "app".equals(text(jwt, "idtyp"));
			Predicate<Jwt> appWithoutIdtyp = (jwt) -> text(jwt, "idtyp") == null && jwt.getClaims().get("scp") == null
					&& text(jwt, "oid") != null && text(jwt, "oid").equals(text(jwt, "sub"));
			return new CallerRules(app.or(appWithoutIdtyp), firstClaim("azp", "appid"), claim("oid"),
					firstClaim("azp", "appid"), List.of("scp"), List.of("roles"), false, Set.of());
		}
	},

	/**
	 * Auth0 (both token profiles): {@code gty=client-credentials} or a {@code sub} ending
	 * in {@code @clients}; the client is {@code azp} or {@code client_id}; RBAC
	 * {@code permissions} count as scopes.
	 */
	AUTH0 {
		@Override
		public CallerRules rules() {
			return new CallerRules((jwt) -> "client-credentials".equals(text(jwt, "gty"))
					|| (text(jwt, "sub") != null && text(jwt, "sub").endsWith("@clients")), (jwt) -> {
						String client = firstClaim("azp", "client_id").apply(jwt);
						String subject = text(jwt, "sub");
						return (client == null && subject != null && subject.endsWith("@clients"))
								? subject.substring(0, subject.length() - "@clients".length()) : client;
					}, claim("sub"), firstClaim("azp", "client_id"), List.of("scope", "permissions"), List.of(), false,
					Set.of());
		}
	};

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
	 * The rules of this preset.
	 * @return the rules
	 */
	public abstract CallerRules rules();

	private static @Nullable String text(Jwt jwt, String claim) {
		return CallerRules.text(jwt.getClaims().get(claim));
	}

	private static boolean subjectIsClient(Jwt jwt, String... clientClaims) {
		String subject = text(jwt, "sub");
		return subject != null && subject.equals(firstClaim(clientClaims).apply(jwt));
	}

	private static boolean serviceAccount(Jwt jwt) {
		String username = text(jwt, "preferred_username");
		return username != null && username.startsWith("service-account-");
	}

}
