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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A caller always names who it is: an empty id or a missing certificate is refused where
 * the caller is made, and its description (in logs) says which caller it is. Its
 * authorities are its proofs' factors, then its scopes and roles as Spring Security names
 * them.
 */
class CallerAuthenticationTests {

	private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").build();

	@Test
	void callersWithoutAnIdAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceAuthentication(TOKEN, " ", Set.of(), Set.of()))
			.withMessage("serviceId cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new UserAuthentication(TOKEN, "", Set.of(), Set.of()))
			.withMessage("userId cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DelegatedAuthentication(TOKEN, "", "gateway", Set.of(), Set.of()))
			.withMessage("userId cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DelegatedAuthentication(TOKEN, "alice", " ", Set.of(), Set.of()))
			.withMessage("serviceId cannot be empty");
	}

	@Test
	void callersWithoutTheirCertificateAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServiceAuthentication((X509Certificate) null, "orders"))
			.withMessage("certificate cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServiceAuthentication(TOKEN, "orders", Set.of(), Set.of()).withCertificate(null))
			.withMessage("certificate cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserAuthentication(TOKEN, "alice", Set.of(), Set.of()).withCertificate(null))
			.withMessage("certificate cannot be null");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DelegatedAuthentication(TOKEN, "alice", "gateway", Set.of(), Set.of()).withCertificate(null))
			.withMessage("certificate cannot be null");
	}

	@Test
	void describedByWhoTheyAre() {
		assertThat(new UserAuthentication(TOKEN, "alice", Set.of(), Set.of()).toString()).contains("user=alice");
		assertThat(new ServiceAuthentication(TOKEN, "orders", Set.of(), Set.of()).toString()).contains("orders");
		assertThat(new DelegatedAuthentication(TOKEN, "alice", "gateway", Set.of(), Set.of()).toString())
			.contains("alice")
			.contains("gateway");
	}

	@Test
	void tokenCallerHasTheBearerFactorThenScopesThenRolesAndIsAuthenticated() {
		Set<String> scopes = new LinkedHashSet<>(List.of("b", "a"));
		Set<String> roles = new LinkedHashSet<>(List.of("y", "x"));
		CallerAuthentication caller = new UserAuthentication(TOKEN, "alice", scopes, roles);
		assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_BEARER", "SCOPE_b", "SCOPE_a", "ROLE_y", "ROLE_x");
		assertThat(caller.isAuthenticated()).isTrue();
		assertThat(caller.getCertificate()).isNull();
		assertThat(caller.getProof()).isEqualTo(CallerProof.TOKEN);
	}

	@Test
	void tokenCallerExposesItsTokenAsProofPrincipalAndClaims() {
		Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").claim("scope", "a").build();
		CallerAuthentication caller = new UserAuthentication(token, "alice", Set.of("a"), Set.of());
		assertThat(caller.getToken()).isSameAs(token);
		assertThat(caller.getCredentials()).isSameAs(token);
		assertThat(caller.getPrincipal()).isSameAs(token);
		assertThat(caller.getClaims()).isEqualTo(Map.of("sub", "alice", "scope", "a"));
	}

	@Test
	void hasScopeIsExactMembership() {
		CallerAuthentication caller = new ServiceAuthentication(TOKEN, "orders", Set.of("inventory.read"), Set.of());
		assertThat(caller.hasScope("inventory.read")).isTrue();
		assertThat(caller.hasScope("inventory")).isFalse();
		assertThat(caller.hasScope("INVENTORY.READ")).isFalse();
	}

	@Test
	void scopesAndRolesAreCopiedAndUnmodifiable() {
		Set<String> scopes = new HashSet<>(Set.of("a"));
		Set<String> roles = new HashSet<>(Set.of("r"));
		CallerAuthentication caller = new ServiceAuthentication(TOKEN, "orders", scopes, roles);
		scopes.add("admin");
		roles.add("admin");
		assertThat(caller.getScopes()).containsExactly("a");
		assertThat(caller.getRoles()).containsExactly("r");
		assertThat(caller.hasScope("admin")).isFalse();
		assertThat(caller.getScopes()).isUnmodifiable();
		assertThat(caller.getRoles()).isUnmodifiable();
	}

	@Test
	void withCertificateKeepsTheDetailsAndAddsTheX509Factor() {
		CallerAuthentication caller = new ServiceAuthentication(TOKEN, "orders", Set.of("a"), Set.of("r"));
		Object details = "request details";
		caller.setDetails(details);
		CallerAuthentication both = caller.withCertificate(TestCertificates.orders());
		assertThat(both.getDetails()).isSameAs(details);
		assertThat(both.isAuthenticated()).isTrue();
		assertThat(both.getCredentials()).isSameAs(TOKEN);
		assertThat(both.getPrincipal()).isSameAs(TOKEN);
		assertThat(both.getClaims()).isEqualTo(TOKEN.getClaims());
		assertThat(both.hasScope("a")).isTrue();
		assertThat(both.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_BEARER", "FACTOR_X509", "SCOPE_a", "ROLE_r");
	}

	@Test
	void certificateCallerHasOnlyTheX509Factor() {
		X509Certificate certificate = TestCertificates.orders();
		CallerAuthentication caller = new ServiceAuthentication(certificate, "orders");
		assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("FACTOR_X509");
		assertThat(caller.getProof()).isEqualTo(CallerProof.CERTIFICATE);
		assertThat(caller.getToken()).isNull();
		assertThat(caller.getClaims()).isEmpty();
		assertThat(caller.getCredentials()).isSameAs(certificate);
		assertThat(caller.isAuthenticated()).isTrue();
	}

	@Test
	void aCallerWithRolesOnlyHasEachOfThem() {
		CallerAuthentication caller = new UserAuthentication(TOKEN, "alice", Set.of(),
				new LinkedHashSet<>(List.of("a", "b", "c", "d")));
		assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_BEARER", "ROLE_a", "ROLE_b", "ROLE_c", "ROLE_d");
		assertThat(caller.withCertificate(TestCertificates.orders()).getAuthorities())
			.extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("FACTOR_BEARER", "FACTOR_X509", "ROLE_a", "ROLE_b", "ROLE_c", "ROLE_d");
	}

}
