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
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DelegatedAuthentication}: a service acting for a user is named by the
 * user, and knows both.
 */
class DelegatedAuthenticationTests {

	private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").build();

	private static final X509Certificate CERTIFICATE = TestCertificates.orders();

	@Test
	void isTheUserAndTheActingServiceAndIsNamedByTheUser() {
		DelegatedAuthentication delegated = new DelegatedAuthentication(TOKEN, "alice", "gateway", Set.of("a"),
				Set.of("r"));
		assertThat(delegated.getUserId()).isEqualTo("alice");
		assertThat(delegated.getServiceId()).isEqualTo("gateway");
		assertThat(delegated.getName()).isEqualTo("alice");
		assertThat(delegated.getCallerType()).isEqualTo(CallerType.DELEGATED);
		assertThat(delegated.getProof()).isEqualTo(CallerProof.TOKEN);
		assertThat(delegated.isAuthenticated()).isTrue();
		assertThat(delegated)
			.hasToString("DelegatedAuthentication[user=alice, service=gateway, proof=token, scopes=[a], roles=[r]]");
	}

	@Test
	void refusesAnEmptyUserOrServiceId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DelegatedAuthentication(TOKEN, " ", "gateway", Set.of(), Set.of()))
			.withMessage("userId cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DelegatedAuthentication(TOKEN, "alice", " ", Set.of(), Set.of()))
			.withMessage("serviceId cannot be empty");
	}

	@Test
	void withCertificateIsTheSameDelegationWithBothProofs() {
		DelegatedAuthentication delegated = new DelegatedAuthentication(TOKEN, "alice", "gateway", Set.of("a"),
				Set.of("r"));
		DelegatedAuthentication both = delegated.withCertificate(CERTIFICATE);
		assertThat(both).isNotSameAs(delegated);
		assertThat(both.getUserId()).isEqualTo("alice");
		assertThat(both.getServiceId()).isEqualTo("gateway");
		assertThat(both.getName()).isEqualTo("alice");
		assertThat(both.getCallerType()).isEqualTo(CallerType.DELEGATED);
		assertThat(both.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE);
		assertThat(both.getToken()).isSameAs(TOKEN);
		assertThat(both.getCertificate()).isSameAs(CERTIFICATE);
		assertThat(both.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_BEARER", "FACTOR_X509", "SCOPE_a", "ROLE_r");
		assertThat(both).hasToString(
				"DelegatedAuthentication[user=alice, service=gateway, proof=token_and_certificate, scopes=[a], roles=[r]]");
	}

}
