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

package dev.s2s.security.workload;

import java.security.cert.X509Certificate;
import java.util.Set;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerProof;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A caller that adds its certificate to its token keeps everything else it was: id,
 * scopes and the details the chain recorded.
 */
class CertificateCallersTests {

	private static final TestCertificateAuthority ca = TestCertificateAuthority.create("example.org");

	private static final X509Certificate CERTIFICATE = ca.svid("ns/default/sa/orders").certificate();

	private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("orders").build();

	@Test
	void aCertificateCallerNamesItsService() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceAuthentication(CERTIFICATE, " "))
			.withMessage("serviceId cannot be empty");
		ServiceAuthentication caller = new ServiceAuthentication(CERTIFICATE, "orders");
		assertThat(caller.getServiceId()).isEqualTo("orders");
		assertThat(caller.getCertificate()).isSameAs(CERTIFICATE);
		assertThat(caller.getProof()).isEqualTo(CallerProof.CERTIFICATE);
	}

	@Test
	void addingTheCertificateKeepsTheCallersIdScopesAndDetails() {
		assertKept(new ServiceAuthentication(TOKEN, "orders", Set.of("orders.read"), Set.of()));
		assertKept(new UserAuthentication(TOKEN, "alice", Set.of("orders.read"), Set.of()));
		assertKept(new DelegatedAuthentication(TOKEN, "alice", "gateway", Set.of("orders.read"), Set.of()));
	}

	private static void assertKept(CallerAuthentication tokenCaller) {
		tokenCaller.setDetails("recorded by the chain");
		CallerAuthentication caller = tokenCaller.withCertificate(CERTIFICATE);
		assertThat(caller.getName()).isEqualTo(tokenCaller.getName());
		assertThat(caller.getScopes()).containsExactly("orders.read");
		assertThat(caller.getDetails()).isEqualTo("recorded by the chain");
		assertThat(caller.getCertificate()).isSameAs(CERTIFICATE);
		assertThat(caller.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE);
	}

}
