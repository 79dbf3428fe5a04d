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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.s2s.security.caller.IdentityProvider;
import org.jspecify.annotations.Nullable;

/**
 * The claims and {@code typ} header of access tokens as one identity provider issues
 * them. Every shape keeps {@code iss}, {@code aud}, {@code iat} and {@code exp}; the rest
 * follows what the provider does by default. Scopes and roles appear only when a token is
 * given some. One shape per {@link IdentityProvider}; tests choose it by provider.
 *
 * @author s2s-security team
 */
enum TokenShape {

	/**
	 * The JWT access token profile of RFC 9068: header {@code typ: at+jwt}; {@code sub},
	 * {@code client_id}, {@code jti}, {@code scope} as a space-separated string,
	 * {@code roles} as an array, and {@code act} (RFC 8693) on delegated tokens; plus, on
	 * client-credentials tokens, the grant marker {@code gty: client_credentials} that
	 * the {@code generic} preset requires, since RFC 9068 alone cannot tell a client from
	 * a user with the client's name.
	 */
	GENERIC("at+jwt", false) {

		@Override
		void service(TokenDraft token, Claims claims) {
			user(token, claims);
			claims.put("gty", "client_credentials");
		}

		@Override
		void user(TokenDraft token, Claims claims) {
			claims.put("sub", token.name());
			standard(token, claims);
		}

		@Override
		void delegated(TokenDraft token, Claims claims) {
			user(token, claims);
			claims.put("act", actor(token, null));
		}

		private void standard(TokenDraft token, Claims claims) {
			claims.put("client_id", token.client());
			claims.put("jti", token.id());
			claims.spaceSeparated("scope", token.scopes());
			claims.array("roles", token.roles());
		}

	},

	/**
	 * Keycloak 26: header {@code typ: JWT}, payload {@code typ: Bearer}, {@code sub} a
	 * UUID, {@code azp} the client, {@code scope} a string, roles in
	 * {@code realm_access.roles}. Service accounts add {@code client_id} and
	 * {@code preferred_username: service-account-<client>}; users carry a session id
	 * ({@code sid}). A delegated token is what standard token exchange V2 issues:
	 * {@code azp} is the acting service, and there is no {@code act}.
	 */
	KEYCLOAK("JWT", false) {

		@Override
		void service(TokenDraft token, Claims claims) {
			keycloak(token, claims, "trrtcc:", uuid("service-account:" + token.name()));
			claims.put("acr", "1");
			claims.put("preferred_username", "service-account-" + token.name().toLowerCase(Locale.ROOT));
			claims.put("client_id", token.client());
		}

		@Override
		void user(TokenDraft token, Claims claims) {
			keycloak(token, claims, "onrtro:", uuid("user:" + token.name()));
			claims.put("sid", token.id());
			claims.put("preferred_username", token.name());
		}

		@Override
		void delegated(TokenDraft token, Claims claims) {
			keycloak(token, claims, "ntrtte:", uuid("user:" + token.name()));
			claims.put("sid", token.id());
			claims.put("preferred_username", token.name());
		}

		private void keycloak(TokenDraft token, Claims claims, String jtiPrefix, String subject) {
			claims.put("jti", jtiPrefix + token.id());
			claims.put("sub", subject);
			claims.put("typ", "Bearer");
			claims.put("azp", token.client());
			if (!token.roles().isEmpty()) {
				claims.put("realm_access", Map.of("roles", token.roles()));
			}
			claims.spaceSeparated("scope", token.scopes());
		}

	},

	/**
	 * Spring Authorization Server 7 with the one token customizer s2s-security's preset
	 * needs: no {@code typ} header, {@code sub} the client id or the user name,
	 * {@code nbf}, {@code jti}, {@code scope} as a JSON array, no {@code azp}, and what
	 * the customizer adds: {@code gty} (the grant type: {@code client_credentials},
	 * {@code authorization_code} or the token-exchange URN) and {@code client_id} (RFC
	 * 9068), since Spring Authorization Server alone issues no claim that tells a
	 * service's token from a user's. Delegated tokens carry {@code act: {iss, sub}}.
	 * Roles, which Spring Authorization Server does not issue by itself, go into
	 * {@code roles} as a token customizer would put them.
	 */
	SPRING_AUTHORIZATION_SERVER(null, true) {

		@Override
		void service(TokenDraft token, Claims claims) {
			spring(token, claims, "client_credentials");
		}

		@Override
		void user(TokenDraft token, Claims claims) {
			spring(token, claims, "authorization_code");
		}

		@Override
		void delegated(TokenDraft token, Claims claims) {
			spring(token, claims, "urn:ietf:params:oauth:grant-type:token-exchange");
			claims.put("act", actor(token, token.issuer()));
		}

		private void spring(TokenDraft token, Claims claims, String grantType) {
			claims.put("sub", token.name());
			claims.put("gty", grantType);
			claims.put("client_id", token.client());
			claims.array("scope", token.scopes());
			claims.put("jti", token.id());
			claims.array("roles", token.roles());
		}

	},

	/**
	 * Okta custom authorization server: no {@code typ} header, {@code ver: 1},
	 * {@code jti: AT.…}, {@code cid} the client, {@code scp} an array, {@code sub} the
	 * client id or the user's login, {@code uid} only on user tokens. A delegated
	 * (on-behalf-of) token is a user token whose {@code cid} is the acting service, with
	 * no {@code act}. Roles go into a {@code groups} claim, as Okta's usual custom claim.
	 */
	OKTA(null, false) {

		@Override
		void service(TokenDraft token, Claims claims) {
			okta(token, claims);
		}

		@Override
		void user(TokenDraft token, Claims claims) {
			okta(token, claims);
			claims.put("uid", "00u" + uuid("user:" + token.name()).replace("-", "").substring(0, 17));
		}

		@Override
		void delegated(TokenDraft token, Claims claims) {
			user(token, claims);
		}

		private void okta(TokenDraft token, Claims claims) {
			claims.put("ver", 1);
			claims.put("jti", "AT." + token.id());
			claims.put("cid", token.client());
			claims.put("sub", token.name());
			claims.array("scp", token.scopes());
			claims.array("groups", token.roles());
		}

	},

	/**
	 * Microsoft Entra ID v2.0 access token: header {@code typ: JWT}, {@code nbf},
	 * {@code azp} the client, {@code oid}, {@code tid}, {@code ver: 2.0}. App-only tokens
	 * have {@code idtyp: app}, {@code oid == sub} and all permissions (scopes and roles)
	 * in {@code roles}, since Entra puts no {@code scp} in them. User tokens have a
	 * pairwise {@code sub}, {@code scp} as a string and {@code roles}; an on-behalf-of
	 * token is a user token whose {@code azp} is the acting service, with no {@code act}.
	 */
	ENTRA_ID("JWT", true) {

		@Override
		void service(TokenDraft token, Claims claims) {
			String objectId = uuid("service-principal:" + token.name());
			entra(token, claims, "1", objectId, objectId);
			claims.put("idtyp", "app");
			Set<String> permissions = new LinkedHashSet<>(token.roles());
			permissions.addAll(token.scopes());
			claims.array("roles", List.copyOf(permissions));
		}

		@Override
		void user(TokenDraft token, Claims claims) {
			String pairwise = uuid("pairwise:" + token.name() + "|" + token.client()).replace("-", "");
			entra(token, claims, "0", uuid("user:" + token.name()), pairwise);
			claims.put("preferred_username", token.name());
			claims.spaceSeparated("scp", token.scopes());
			claims.array("roles", token.roles());
		}

		@Override
		void delegated(TokenDraft token, Claims claims) {
			user(token, claims);
		}

		private void entra(TokenDraft token, Claims claims, String clientAuthentication, String objectId,
				String subject) {
			claims.put("azp", token.client());
			claims.put("azpacr", clientAuthentication);
			claims.put("oid", objectId);
			claims.put("sub", subject);
			claims.put("tid", uuid("tenant:" + token.issuer()));
			claims.put("ver", "2.0");
		}

	},

	/**
	 * Auth0 (default "Auth0" token profile): header {@code typ: JWT}, {@code azp} the
	 * client, {@code scope} a string, no {@code jti}. Service tokens have
	 * {@code sub: <client>@clients} and {@code gty: client-credentials}; user tokens have
	 * {@code sub: auth0|<user>}; delegated tokens add {@code act} (Auth0's on-behalf-of
	 * exchange). Roles go into {@code permissions}, as with RBAC enabled.
	 */
	AUTH0("JWT", false) {

		@Override
		void service(TokenDraft token, Claims claims) {
			claims.put("sub", token.name() + "@clients");
			auth0(token, claims);
			claims.put("gty", "client-credentials");
		}

		@Override
		void user(TokenDraft token, Claims claims) {
			claims.put("sub", token.name().contains("|") ? token.name() : "auth0|" + token.name());
			auth0(token, claims);
		}

		@Override
		void delegated(TokenDraft token, Claims claims) {
			user(token, claims);
			claims.put("act", actor(token, null));
		}

		private void auth0(TokenDraft token, Claims claims) {
			claims.put("azp", token.client());
			claims.spaceSeparated("scope", token.scopes());
			claims.array("permissions", token.roles());
		}

	};

	private final @Nullable String type;

	private final boolean notBefore;

	static TokenShape of(IdentityProvider provider) {
		return valueOf(provider.name());
	}

	TokenShape(@Nullable String type, boolean notBefore) {
		this.type = type;
		this.notBefore = notBefore;
	}

	/**
	 * The {@code typ} header this provider sets, or {@code null} for none.
	 */
	@Nullable String type() {
		return this.type;
	}

	final Map<String, Object> claims(TokenDraft token) {
		Claims claims = new Claims();
		claims.put("iss", token.issuer());
		claims.put("aud", (token.audiences().size() == 1) ? token.audiences().get(0) : token.audiences());
		claims.time("iat", token.issuedAt());
		claims.time("nbf", (token.notBefore() != null || !this.notBefore) ? token.notBefore() : token.issuedAt());
		claims.time("exp", token.expiresAt());
		switch (token.kind()) {
			case SERVICE -> service(token, claims);
			case USER -> user(token, claims);
			case DELEGATED -> delegated(token, claims);
		}
		return claims.map;
	}

	abstract void service(TokenDraft token, Claims claims);

	abstract void user(TokenDraft token, Claims claims);

	abstract void delegated(TokenDraft token, Claims claims);

	/**
	 * The RFC 8693 {@code act} claim: the acting client, with any earlier actor nested.
	 */
	static Map<String, Object> actor(TokenDraft token, @Nullable String issuer) {
		Map<String, Object> actor = new LinkedHashMap<>();
		if (issuer != null) {
			actor.put("iss", issuer);
		}
		actor.put("sub", token.client());
		if (token.priorActor() != null) {
			actor.put("act", token.priorActor());
		}
		return actor;
	}

	/**
	 * Stable ids, so the same user or client gets the same {@code sub} in every token.
	 */
	static String uuid(String seed) {
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Claims in insertion order, skipping absent values.
	 */
	static final class Claims {

		private final Map<String, Object> map = new LinkedHashMap<>();

		void put(String name, @Nullable Object value) {
			if (value != null) {
				this.map.put(name, value);
			}
		}

		void time(String name, @Nullable Instant value) {
			put(name, (value != null) ? value.getEpochSecond() : null);
		}

		void array(String name, List<String> values) {
			if (!values.isEmpty()) {
				this.map.put(name, values);
			}
		}

		void spaceSeparated(String name, List<String> values) {
			if (!values.isEmpty()) {
				this.map.put(name, String.join(" ", values));
			}
		}

	}

}
