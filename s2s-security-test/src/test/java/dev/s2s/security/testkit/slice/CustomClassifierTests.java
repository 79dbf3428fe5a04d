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

import java.util.List;
import java.util.Map;

import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.WithServiceCaller;
import dev.s2s.security.test.autoconfigure.S2sWebMvcTest;
import dev.s2s.security.testkit.WhoAmIController;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller annotations classify with the application's {@link CallerClassifier}: one
 * that reads scopes from another claim sees none.
 */
@S2sWebMvcTest(controllers = WhoAmIController.class, properties = { "s2s.security.service-id=inventory-service",
		"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform" })
class CustomClassifierTests {

	@Test
	@WithServiceCaller(value = "order-service", scopes = "inventory.read")
	void theApplicationsClassifierMakesTheAuthentication() {
		assertThat(SecurityContextHolder.getContext().getAuthentication())
			.isInstanceOfSatisfying(ServiceAuthentication.class, (caller) -> {
				assertThat(caller.getServiceId()).isEqualTo("order-service");
				assertThat(caller.getScopes()).isEmpty();
			});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ScopesFromAnotherClaim {

		@Bean
		CallerClassifier callerClassifier(FakeTokenIssuer issuer) {
			return new CallerClassifier(
					Map.of(issuer.issuerUri().toString(),
							IdentityProvider.GENERIC.claimMapping().withScopeClaims(List.of("permissions"))),
					"inventory-service");
		}

	}

}
