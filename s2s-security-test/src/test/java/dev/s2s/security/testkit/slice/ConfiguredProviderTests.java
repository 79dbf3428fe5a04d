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

import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.test.WithUserCaller;
import dev.s2s.security.test.autoconfigure.S2sWebMvcTest;
import dev.s2s.security.testkit.WhoAmIController;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;

import static dev.s2s.security.test.assertj.S2sAssertions.assertThat;

/**
 * The fake imitates the provider the application configures: Keycloak tokens, whose roles
 * the Keycloak preset reads from {@code realm_access}.
 */
@S2sWebMvcTest(controllers = WhoAmIController.class, properties = { "s2s.security.service-id=inventory-service",
		"s2s.security.inbound.issuers[0].provider=keycloak" })
class ConfiguredProviderTests {

	@Test
	@WithUserCaller(value = "alice", roles = "support")
	void tokensHaveTheProvidersShape() {
		// Keycloak's 'sub' is an id; the name is in 'preferred_username'.
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(UserAuthentication.class)
			.hasRole("support");
	}

}
