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
 * Tests for {@link UserAuthentication}: a user, named by its id at the identity provider,
 * whose token may also be presented over a certificate-authenticated connection.
 */
class UserAuthenticationTests {

	private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").build();

	private static final X509Certificate CERTIFICATE = TestCertificates.orders();

	@Test
	void isTheUserItNames() {
		UserAuthentication user = new UserAuthentication(TOKEN, "alice", Set.of("a"), Set.of("r"));
		assertThat(user.getUserId()).isEqualTo("alice");
		assertThat(user.getName()).isEqualTo("alice");
		assertThat(user.getCallerType()).isEqualTo(CallerType.USER);
		assertThat(user.getProof()).isEqualTo(CallerProof.TOKEN);
		assertThat(user.isAuthenticated()).isTrue();
		assertThat(user).hasToString("UserAuthentication[user=alice, proof=token, scopes=[a], roles=[r]]");
	}

	@Test
	void refusesAnEmptyId() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UserAuthentication(TOKEN, " ", Set.of(), Set.of()))
			.withMessage("userId cannot be empty");
	}

	@Test
	void withCertificateIsTheSameUserWithBothProofs() {
		UserAuthentication user = new UserAuthentication(TOKEN, "alice", Set.of("a"), Set.of("r"));
		UserAuthentication both = user.withCertificate(CERTIFICATE);
		assertThat(both).isNotSameAs(user);
		assertThat(both.getUserId()).isEqualTo("alice");
		assertThat(both.getName()).isEqualTo("alice");
		assertThat(both.getCallerType()).isEqualTo(CallerType.USER);
		assertThat(both.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE);
		assertThat(both.getToken()).isSameAs(TOKEN);
		assertThat(both.getCertificate()).isSameAs(CERTIFICATE);
		assertThat(both.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_BEARER", "FACTOR_X509", "SCOPE_a", "ROLE_r");
		assertThat(both)
			.hasToString("UserAuthentication[user=alice, proof=token_and_certificate, scopes=[a], roles=[r]]");
		assertThat(user.getCertificate()).isNull();
	}

}
