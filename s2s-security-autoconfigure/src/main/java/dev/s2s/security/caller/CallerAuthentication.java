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

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified caller. Exactly one of {@link ServiceAuthentication},
 * {@link UserAuthentication} and {@link DelegatedAuthentication}; controllers take the
 * one they expect as a parameter. Immutable.
 *
 * <p>
 * Who the caller is ({@link #getName()}, the service id or user id) is separate from how
 * it proved it: a caller that presented a bearer token has it as {@link #getToken()},
 * which is also the principal and the credentials (as with Spring's
 * {@code JwtAuthenticationToken}, so {@code @AuthenticationPrincipal Jwt} works). A
 * caller proven without a token, such as a workload identity from a client certificate,
 * has no {@link #getToken() token}; its credentials are that proof. Code that needs a
 * claim should read the token only when there is one.
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
public abstract sealed class CallerAuthentication extends AbstractAuthenticationToken
		permits ServiceAuthentication, UserAuthentication, DelegatedAuthentication {

	private static final long serialVersionUID = 1L;

	/** The name. */
	private final String name;

	/** The proof. */
	@SuppressWarnings("serial") // a Jwt or another serializable proof
	private final Object proof;

	/** The scopes. */
	@SuppressWarnings("serial") // Set.copyOf: serializable
	private final Set<String> scopes;

	/** The roles. */
	@SuppressWarnings("serial") // Set.copyOf: serializable
	private final Set<String> roles;

	/** The client certificate the caller authenticated its connection with. */
	private final @Nullable X509Certificate certificate;

	CallerAuthentication(Jwt token, String name, Set<String> scopes, Set<String> roles) {
		super(authorities(true, false, scopes, roles));
		this.name = name;
		this.proof = token;
		this.scopes = Set.copyOf(scopes);
		this.roles = Set.copyOf(roles);
		this.certificate = null;
		setAuthenticated(true);
	}

	CallerAuthentication(X509Certificate certificate, String name) {
		super(authorities(false, true, Set.of(), Set.of()));
		this.name = name;
		this.proof = certificate;
		this.scopes = Set.of();
		this.roles = Set.of();
		this.certificate = certificate;
		setAuthenticated(true);
	}

	CallerAuthentication(CallerAuthentication tokenCaller, X509Certificate certificate) {
		super(authorities(true, true, tokenCaller.scopes, tokenCaller.roles));
		this.name = tokenCaller.name;
		this.proof = tokenCaller.proof;
		this.scopes = tokenCaller.scopes;
		this.roles = tokenCaller.roles;
		this.certificate = certificate;
		setDetails(tokenCaller.getDetails());
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

	/**
	 * The bearer token the caller presented, verified.
	 * @return the token, or {@code null} for a caller proven without one
	 */
	public @Nullable Jwt getToken() {
		return (this.proof instanceof Jwt token) ? token : null;
	}

	/**
	 * The verified client certificate the caller authenticated its connection with (its
	 * workload identity), directly or through a trusted proxy.
	 * @return the certificate, or {@code null} for a caller proven by a token alone
	 */
	public @Nullable X509Certificate getCertificate() {
		return this.certificate;
	}

	/**
	 * How the caller proved who it is.
	 * @return the proof
	 */
	public CallerProof getProof() {
		if (this.certificate == null) {
			return CallerProof.TOKEN;
		}
		return (getToken() != null) ? CallerProof.TOKEN_AND_CERTIFICATE : CallerProof.CERTIFICATE;
	}

	/**
	 * The same caller, whose token was presented over a connection authenticated by a
	 * client certificate: the token's scopes and roles, both proofs' factors
	 * ({@code FACTOR_BEARER} and {@code FACTOR_X509}).
	 * @param certificate the verified client certificate
	 * @return a new caller of the same type
	 */
	public abstract CallerAuthentication withCertificate(X509Certificate certificate);

	/**
	 * The claims of the caller's token.
	 * @return the claims, empty for a caller proven without a token
	 */
	public Map<String, Object> getClaims() {
		Jwt token = getToken();
		return (token != null) ? token.getClaims() : Map.of();
	}

	/**
	 * The proof: the {@link Jwt} for a caller with a token, else the
	 * {@link X509Certificate}.
	 * @return the proof
	 */
	@Override
	public Object getCredentials() {
		return this.proof;
	}

	/**
	 * The {@link Jwt} for a caller with a token (as Spring's own bearer authentications),
	 * else the proof.
	 * @return the principal
	 */
	@Override
	public Object getPrincipal() {
		return this.proof;
	}

	@Override
	public String toString() {
		// Never the token: it is a credential.
		return getClass().getSimpleName() + "[" + describe() + ", proof=" + getProof().tag() + ", scopes=" + this.scopes
				+ ", roles=" + this.roles + "]";
	}

	abstract String describe();

	private static Collection<GrantedAuthority> authorities(boolean token, boolean certificate, Set<String> scopes,
			Set<String> roles) {
		List<GrantedAuthority> authorities = new ArrayList<>(scopes.size() + roles.size() + 2);
		// As Spring's JwtAuthenticationConverter and X509 support do, so that
		// multi-factor rules see each proof as the factor it is.
		if (token) {
			authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
		}
		if (certificate) {
			authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.X509_AUTHORITY));
		}
		scopes.forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return authorities;
	}

}
