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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * How one identity provider's tokens say who is calling: which tokens are service tokens,
 * and which claims hold the service id, the user id, scopes and roles. Start from an
 * {@link IdentityProvider} preset and override what your provider does differently.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ClaimMapping {

	private final Predicate<Jwt> isService;

	private final Function<Jwt, @Nullable String> serviceId;

	private final Function<Jwt, @Nullable String> userId;

	private final Function<Jwt, @Nullable String> authorizedParty;

	private final List<String> scopeClaims;

	private final List<String> roleClaims;

	private final boolean actorIsAuthorizedParty;

	private final Set<String> delegatingClients;

	ClaimMapping(Predicate<Jwt> isService, Function<Jwt, @Nullable String> serviceId,
			Function<Jwt, @Nullable String> userId, Function<Jwt, @Nullable String> authorizedParty,
			List<String> scopeClaims, List<String> roleClaims, boolean actorIsAuthorizedParty,
			Set<String> delegatingClients) {
		this.isService = isService;
		this.serviceId = serviceId;
		this.userId = userId;
		this.authorizedParty = authorizedParty;
		this.scopeClaims = List.copyOf(scopeClaims);
		this.roleClaims = List.copyOf(roleClaims);
		this.actorIsAuthorizedParty = actorIsAuthorizedParty;
		this.delegatingClients = Set.copyOf(delegatingClients);
	}

	/**
	 * This mapping, with the service id read from another claim.
	 * @param claim the claim name
	 * @return a new mapping
	 */
	public ClaimMapping withServiceIdClaim(String claim) {
		Assert.hasText(claim, "claim cannot be empty");
		return new ClaimMapping(this.isService, claim(claim), this.userId, this.authorizedParty, this.scopeClaims,
				this.roleClaims, this.actorIsAuthorizedParty, this.delegatingClients);
	}

	/**
	 * This mapping, with the user id read from another claim.
	 * @param claim the claim name
	 * @return a new mapping
	 */
	public ClaimMapping withUserIdClaim(String claim) {
		Assert.hasText(claim, "claim cannot be empty");
		return new ClaimMapping(this.isService, this.serviceId, claim(claim), this.authorizedParty, this.scopeClaims,
				this.roleClaims, this.actorIsAuthorizedParty, this.delegatingClients);
	}

	/**
	 * This mapping, with scopes read from other claims (space-separated strings or
	 * arrays).
	 * @param claims the claim names
	 * @return a new mapping
	 */
	public ClaimMapping withScopeClaims(List<String> claims) {
		return new ClaimMapping(this.isService, this.serviceId, this.userId, this.authorizedParty, claims,
				this.roleClaims, this.actorIsAuthorizedParty, this.delegatingClients);
	}

	/**
	 * This mapping, with roles read from other claims. A dotted name is a path into
	 * nested objects ({@code realm_access.roles}); {@code {service-id}} in it stands for
	 * this service's id.
	 * @param claims the claim paths
	 * @return a new mapping
	 */
	public ClaimMapping withRoleClaims(List<String> claims) {
		return new ClaimMapping(this.isService, this.serviceId, this.userId, this.authorizedParty, this.scopeClaims,
				claims, this.actorIsAuthorizedParty, this.delegatingClients);
	}

	/**
	 * This mapping, where a user token obtained by one of these clients means that client
	 * acts for the user. For providers whose token exchange adds no {@code act} claim
	 * (Keycloak, Okta, Entra ID on-behalf-of).
	 * @param clients the client ids of services that exchange user tokens
	 * @return a new mapping
	 */
	public ClaimMapping withDelegatingClients(Collection<String> clients) {
		return new ClaimMapping(this.isService, this.serviceId, this.userId, this.authorizedParty, this.scopeClaims,
				this.roleClaims, this.actorIsAuthorizedParty, new LinkedHashSet<>(clients));
	}

	boolean isService(Jwt jwt) {
		return this.isService.test(jwt);
	}

	@Nullable String serviceId(Jwt jwt) {
		return this.serviceId.apply(jwt);
	}

	@Nullable String userId(Jwt jwt) {
		return this.userId.apply(jwt);
	}

	@Nullable String authorizedParty(Jwt jwt) {
		return this.authorizedParty.apply(jwt);
	}

	boolean actorIsAuthorizedParty() {
		return this.actorIsAuthorizedParty;
	}

	boolean isDelegatingClient(@Nullable String client) {
		return client != null && this.delegatingClients.contains(client);
	}

	Set<String> scopes(Jwt jwt) {
		Set<String> scopes = new LinkedHashSet<>();
		for (String name : this.scopeClaims) {
			addValues(jwt.getClaims().get(name), scopes);
		}
		return scopes;
	}

	Set<String> roles(Jwt jwt, String serviceId) {
		Set<String> roles = new LinkedHashSet<>();
		for (String path : this.roleClaims) {
			Object value = jwt.getClaims();
			// Split first: a service id may contain dots itself.
			for (String part : path.split("\\.")) {
				value = (value instanceof Map<?, ?> map) ? map.get(part.replace("{service-id}", serviceId)) : null;
			}
			addValues(value, roles);
		}
		return roles;
	}

	static Function<Jwt, @Nullable String> claim(String name) {
		return (jwt) -> text(jwt.getClaims().get(name));
	}

	static Function<Jwt, @Nullable String> firstClaim(String... names) {
		return (jwt) -> {
			for (String name : names) {
				String value = text(jwt.getClaims().get(name));
				if (value != null) {
					return value;
				}
			}
			return null;
		};
	}

	static @Nullable String text(@Nullable Object value) {
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

	private static void addValues(@Nullable Object value, Set<String> into) {
		if (value instanceof String text) {
			for (String item : text.trim().split("\\s+")) {
				if (!item.isEmpty()) {
					into.add(item);
				}
			}
		}
		else if (value instanceof Collection<?> items) {
			List<String> texts = new ArrayList<>(items.size());
			for (Object item : items) {
				String text = text(item);
				if (text != null) {
					texts.add(text);
				}
			}
			into.addAll(texts);
		}
	}

}
