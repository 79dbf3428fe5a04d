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

package dev.s2s.security.testkit;

import java.util.Set;

import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import static dev.s2s.security.test.assertj.S2sAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link dev.s2s.security.test.assertj.CallerAssert}: what passes and how failures read.
 */
class CallerAssertTests {

	private static final Jwt JWT = Jwt.withTokenValue("token").header("alg", "RS256").subject("x").build();

	private final ServiceAuthentication service = new ServiceAuthentication(JWT, "order-service",
			Set.of("inventory.read"), Set.of());

	private final DelegatedAuthentication delegated = new DelegatedAuthentication(JWT, "alice", "gateway", Set.of(),
			Set.of("support"));

	@Test
	void passesForTheRightCaller() {
		assertThat(this.service).isService("order-service").hasScope("inventory.read").doesNotHaveScope("admin");
		assertThat(this.delegated).isDelegated("alice").actingService("gateway").hasRole("support");
		assertThat(new UserAuthentication(JWT, "bob", Set.of(), Set.of())).isUser("bob");
	}

	@Test
	void namesTheOtherService() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.service).isService("payment-service"))
			.withMessageContaining("Expected service <payment-service> but was <order-service>");
	}

	@Test
	void namesTheMissingScope() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.service).hasScope("inventory.read", "inventory.write"))
			.withMessageContaining("[inventory.write] missing from [inventory.read]");
	}

	@Test
	void namesTheKindOfCaller() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.delegated).isUser("alice"))
			.withMessageContaining("Expected a UserAuthentication but was DelegatedAuthentication[user=alice");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(new TestingAuthenticationToken("alice", "secret")).hasScope("read"))
			.withMessageContaining("Expected a CallerAuthentication");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat((Authentication) null).isService("order-service"));
	}

	@Test
	void namesTheActingServiceAndTheUser() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.delegated).isDelegated("bob"))
			.withMessageContaining("Expected call on behalf of user <bob> but was <alice>");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.delegated).actingService("order-service"))
			.withMessageContaining("Expected acting service <order-service> but was <gateway>");
	}

}
