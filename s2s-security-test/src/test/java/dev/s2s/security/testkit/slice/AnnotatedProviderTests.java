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

package dev.s2s.security.testkit.slice;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.SigningAlgorithm;
import dev.s2s.security.test.WithUserCaller;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
import dev.s2s.security.test.autoconfigure.S2sWebMvcTest;
import dev.s2s.security.testkit.WhoAmIController;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static dev.s2s.security.test.assertj.S2sAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation chooses the provider, the algorithm and the issuer path, over the
 * slice's defaults.
 */
@S2sWebMvcTest(controllers = WhoAmIController.class,
		properties = { "s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform" })
@AutoConfigureFakeTokenIssuer(provider = IdentityProvider.KEYCLOAK, algorithms = SigningAlgorithm.ES256,
		issuerPath = "/realms/platform")
class AnnotatedProviderTests {

	@Test
	@WithUserCaller(value = "alice", roles = "support")
	void tokensHaveTheProvidersShape() {
		// Keycloak's 'sub' is an id; the name is in 'preferred_username'.
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(UserAuthentication.class)
			.hasRole("support");
	}

	@Test
	void issuerHasThePathAndTheAlgorithm(@Autowired FakeTokenIssuer issuer) throws Exception {
		assertThat(issuer.issuerUri().getPath()).isEqualTo("/realms/platform");
		assertThat(JWSObject.parse(issuer.serviceToken("order-service").sign()).getHeader().getAlgorithm())
			.isEqualTo(JWSAlgorithm.ES256);
	}

}
