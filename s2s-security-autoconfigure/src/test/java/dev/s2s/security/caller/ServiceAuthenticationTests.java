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
 * Tests for {@link ServiceAuthentication}: a service proven by its token, by its
 * certificate alone, or by both.
 */
class ServiceAuthenticationTests {

	private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("orders").build();

	private static final X509Certificate CERTIFICATE = TestCertificates.orders();

	@Test
	void byTokenIsTheServiceItNames() {
		ServiceAuthentication service = new ServiceAuthentication(TOKEN, "orders", Set.of("a"), Set.of("r"));
		assertThat(service.getServiceId()).isEqualTo("orders");
		assertThat(service.getName()).isEqualTo("orders");
		assertThat(service.getCallerType()).isEqualTo(CallerType.SERVICE);
		assertThat(service.getProof()).isEqualTo(CallerProof.TOKEN);
		assertThat(service.getToken()).isSameAs(TOKEN);
		assertThat(service.getCertificate()).isNull();
		assertThat(service.isAuthenticated()).isTrue();
		assertThat(service).hasToString("ServiceAuthentication[service=orders, proof=token, scopes=[a], roles=[r]]");
	}

	@Test
	void byCertificateAloneHasNoTokenScopesOrRolesAndTheX509Factor() {
		ServiceAuthentication service = new ServiceAuthentication(CERTIFICATE, "orders");
		assertThat(service.getServiceId()).isEqualTo("orders");
		assertThat(service.getName()).isEqualTo("orders");
		assertThat(service.getCallerType()).isEqualTo(CallerType.SERVICE);
		assertThat(service.getProof()).isEqualTo(CallerProof.CERTIFICATE);
		assertThat(service.getCertificate()).isSameAs(CERTIFICATE);
		assertThat(service.getToken()).isNull();
		assertThat(service.getClaims()).isEmpty();
		assertThat(service.getScopes()).isEmpty();
		assertThat(service.getRoles()).isEmpty();
		assertThat(service.getCredentials()).isSameAs(CERTIFICATE);
		assertThat(service.getPrincipal()).isSameAs(CERTIFICATE);
		assertThat(service.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("FACTOR_X509");
		assertThat(service.isAuthenticated()).isTrue();
		assertThat(service)
			.hasToString("ServiceAuthentication[service=orders, proof=certificate, scopes=[], roles=[]]");
	}

	@Test
	void byTokenRefusesAnEmptyId() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceAuthentication(TOKEN, "", Set.of(), Set.of()))
			.withMessage("serviceId cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceAuthentication(TOKEN, " ", Set.of(), Set.of()))
			.withMessage("serviceId cannot be empty");
	}

	@Test
	void byCertificateRefusesNoCertificateOrNoId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServiceAuthentication((X509Certificate) null, "orders"))
			.withMessage("certificate cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceAuthentication(CERTIFICATE, " "))
			.withMessage("serviceId cannot be empty");
	}

	@Test
	void withCertificateIsTheSameServiceWithBothProofs() {
		ServiceAuthentication service = new ServiceAuthentication(TOKEN, "orders", Set.of("a"), Set.of("r"));
		ServiceAuthentication both = service.withCertificate(CERTIFICATE);
		assertThat(both).isNotSameAs(service);
		assertThat(both.getServiceId()).isEqualTo("orders");
		assertThat(both.getName()).isEqualTo("orders");
		assertThat(both.getCallerType()).isEqualTo(CallerType.SERVICE);
		assertThat(both.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE);
		assertThat(both.getToken()).isSameAs(TOKEN);
		assertThat(both.getCertificate()).isSameAs(CERTIFICATE);
		assertThat(both.getScopes()).containsExactly("a");
		assertThat(both.getRoles()).containsExactly("r");
		assertThat(both.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_BEARER", "FACTOR_X509", "SCOPE_a", "ROLE_r");
		assertThat(both)
			.hasToString("ServiceAuthentication[service=orders, proof=token_and_certificate, scopes=[a], roles=[r]]");
		// The original is unchanged.
		assertThat(service.getProof()).isEqualTo(CallerProof.TOKEN);
	}

}
