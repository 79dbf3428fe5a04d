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
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A verified caller. Exactly one of {@link ServiceAuthentication},
 * {@link UserAuthentication} and {@link DelegatedAuthentication}; controllers take the
 * one they expect as a parameter. Immutable; the credentials are the verified
 * {@link Jwt}.
 *
 * <p>
 * Scopes become {@code SCOPE_} authorities and roles {@code ROLE_} authorities, so Spring
 * Security's own expressions work as usual; like Spring's own bearer-token
 * authentications it also carries {@code FACTOR_BEARER}
 * ({@link FactorGrantedAuthority#BEARER_AUTHORITY}).
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public abstract sealed class CallerAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt>
		permits ServiceAuthentication, UserAuthentication, DelegatedAuthentication {

	private static final long serialVersionUID = 1L;

	private final String name;

	private final Set<String> scopes;

	private final Set<String> roles;

	CallerAuthentication(Jwt token, String name, Set<String> scopes, Set<String> roles) {
		super(token, name, token, authorities(scopes, roles));
		this.name = name;
		this.scopes = Set.copyOf(scopes);
		this.roles = Set.copyOf(roles);
		setAuthenticated(true);
	}

	/**
	 * The kind of caller.
	 * @return the kind
	 */
	public abstract CallerType getCallerType();

	/**
	 * The scopes the token grants, without the {@code SCOPE_} prefix.
	 * @return the scopes
	 */
	public Set<String> getScopes() {
		return this.scopes;
	}

	/**
	 * The roles the token grants, without the {@code ROLE_} prefix.
	 * @return the roles
	 */
	public Set<String> getRoles() {
		return this.roles;
	}

	/**
	 * Whether the token grants a scope.
	 * @param scope the scope
	 * @return whether it is granted
	 */
	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Map<String, Object> getTokenAttributes() {
		return getToken().getClaims();
	}

	@Override
	public String toString() {
		// Never the token: it is a credential.
		return getClass().getSimpleName() + "[" + describe() + ", scopes=" + this.scopes + ", roles=" + this.roles
				+ "]";
	}

	abstract String describe();

	private static Collection<GrantedAuthority> authorities(Set<String> scopes, Set<String> roles) {
		List<GrantedAuthority> authorities = new ArrayList<>(scopes.size() + roles.size() + 1);
		// As Spring's JwtAuthenticationConverter does, so that multi-factor rules see a
		// bearer token as the factor it is.
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
		scopes.forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return authorities;
	}

}
