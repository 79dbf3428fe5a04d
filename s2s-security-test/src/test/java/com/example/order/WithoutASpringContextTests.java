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

package com.example.order;

// Mirrors docs/testing.md, "Without a Spring context": keep the two in step.

import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.FakeTokenIssuerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class WithoutASpringContextTests {

	@RegisterExtension
	static final FakeTokenIssuerExtension idp = new FakeTokenIssuerExtension();

	@Test
	void aResourceServerAcceptsTheTokens() {
		FakeTokenIssuer issuer = idp.issuer();
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer.issuerUri().toString())
			.validateType(false)
			.build();
		// The tokens are RFC 9068 access tokens ('typ: at+jwt'), which Spring's default
		// validator refuses.
		decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
			.issuer(issuer.issuerUri().toString())
			.audience("inventory-service")
			.build());
		assertThat(decoder.decode(token).getSubject()).isEqualTo("order-service");
	}

}
