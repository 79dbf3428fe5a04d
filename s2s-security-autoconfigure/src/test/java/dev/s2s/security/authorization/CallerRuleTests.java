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
package dev.s2s.security.authorization;

import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.caller.CallerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link CallerRule}: what a rule may name (non-empty service ids and roles,
 * RFC 6749 scope tokens, services only for services and delegated calls), that it keeps
 * sorted copies, and how the startup log describes it.
 */
class CallerRuleTests {

	@Test
	void ofSortsAndCopiesEachList() {
		List<String> services = new ArrayList<>(List.of("b", "a"));
		List<String> scopes = new ArrayList<>(List.of("y", "x"));
		List<String> roles = new ArrayList<>(List.of("r2", "r1"));
		CallerRule rule = CallerRule.of(CallerType.SERVICE, services, scopes, roles);
		services.add("c");
		scopes.add("z");
		roles.add("r3");
		assertThat(rule.type()).isEqualTo(CallerType.SERVICE);
		assertThat(rule.services()).containsExactly("a", "b");
		assertThat(rule.scopes()).containsExactly("x", "y");
		assertThat(rule.roles()).containsExactly("r1", "r2");
		assertThat(rule.services()).isUnmodifiable();
		assertThat(rule.scopes()).isUnmodifiable();
		assertThat(rule.roles()).isUnmodifiable();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void serviceIdsCannotBeEmpty(String service) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CallerRule.of(CallerType.SERVICE, List.of("orders", service), List.of(), List.of()))
			.withMessage("service ids cannot be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void rolesCannotBeEmpty(String role) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CallerRule.of(CallerType.USER, List.of(), List.of(), List.of("admin", role)))
			.withMessage("roles cannot be empty");
	}

	@Test
	void scopesCannotBeEmpty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CallerRule.of(CallerType.SERVICE, List.of(), List.of("a", ""), List.of()))
			.withMessage("scopes cannot be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "a b", "\u007f", "\"", "\\", "a\"", "b\\", "\u00e9", "\t", "x\u007f" })
	void scopesOutsideRfc6749ScopeTokenCharactersAreRefusedByName(String scope) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CallerRule.of(CallerType.SERVICE, List.of(), List.of(scope), List.of()))
			.withMessage("invalid scope '" + scope + "'");
	}

	@Test
	void scopesAtTheEdgesOfTheRangeAreAccepted() {
		// 0x21 '!' and 0x7E '~' are the first and last characters allowed; '#' and '['
		// are the neighbours of '"' and '\'.
		assertThat(CallerRule.of(CallerType.SERVICE, List.of(), List.of("!", "~", "#", "[", "]", "!~"), List.of())
			.scopes()).containsExactly("!", "!~", "#", "[", "]", "~");
	}

	@Test
	void usersAreNotListedByService() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CallerRule.of(CallerType.USER, List.of("orders"), List.of(), List.of()))
			.withMessage("users are not listed by service");
		assertThatNoException().isThrownBy(() -> CallerRule.of(CallerType.USER, List.of(), List.of(), List.of()));
		assertThat(CallerRule.of(CallerType.SERVICE, List.of("orders"), List.of(), List.of()).services())
			.containsExactly("orders");
		assertThat(CallerRule.of(CallerType.DELEGATED, List.of("gateway"), List.of(), List.of()).services())
			.containsExactly("gateway");
	}

	@Test
	void describeServices() {
		assertThat(CallerRule.of(CallerType.SERVICE, List.of(), List.of(), List.of()).describe())
			.isEqualTo("services (any)");
		assertThat(CallerRule.of(CallerType.SERVICE, List.of("b", "a"), List.of(), List.of()).describe())
			.isEqualTo("services [a, b]");
		assertThat(CallerRule.of(CallerType.SERVICE, List.of("a"), List.of("s2", "s1"), List.of()).describe())
			.isEqualTo("services [a] with scopes [s1, s2]");
	}

	@Test
	void describeUsers() {
		assertThat(CallerRule.of(CallerType.USER, List.of(), List.of(), List.of()).describe()).isEqualTo("users");
		assertThat(CallerRule.of(CallerType.USER, List.of(), List.of("s"), List.of("r2", "r1")).describe())
			.isEqualTo("users with scopes [s] with any role of [r1, r2]");
		assertThat(CallerRule.of(CallerType.USER, List.of(), List.of(), List.of("r")).describe())
			.isEqualTo("users with any role of [r]");
	}

	@Test
	void describeDelegatedCalls() {
		assertThat(CallerRule.of(CallerType.DELEGATED, List.of(), List.of(), List.of()).describe())
			.isEqualTo("users via services (any)");
		assertThat(CallerRule.of(CallerType.DELEGATED, List.of("gateway"), List.of("s"), List.of("r")).describe())
			.isEqualTo("users via services [gateway] with scopes [s] with any role of [r]");
	}

}
