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

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A caller always names who it is: an empty id or a missing certificate is refused where
 * the caller is made, and its description (in logs) says which caller it is.
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

}
