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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorrelationId}.
 */
class CorrelationIdTests {

	@Test
	void resolveWhenIncomingIsValidThenKept() {
		assertThat(CorrelationId.resolve("order-42:a_b.c", () -> "trace")).isEqualTo("order-42:a_b.c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "line\nbreak", "quote\"", "\u00e9t\u00e9",
			"0123456789012345678901234567890123456789012345678901234567890123456789" })
	void resolveWhenIncomingIsInvalidThenTraceIdIsUsed(String incoming) {
		assertThat(CorrelationId.resolve(incoming, () -> "4bf92f3577b34da6a3ce929d0e0e4736"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@ParameterizedTest
	@ValueSource(strings = { "azAZ09._:-", "0123456789012345678901234567890123456789012345678901234567890123" })
	void isValidAcceptsEveryAllowedCharacterAndUpTo64OfThem(String id) {
		assertThat(CorrelationId.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "`", "{", "@", "[", "/", ";",
			"01234567890123456789012345678901234567890123456789012345678901234" })
	void isValidRefusesTheCharactersNextToTheAllowedRangesAndA65thCharacter(String id) {
		assertThat(CorrelationId.isValid(id)).isFalse();
	}

	@Test
	void resolveWhenNothingUsableThenRandom() {
		String id = CorrelationId.resolve(null, () -> null);
		assertThat(id).matches("[0-9a-f-]{36}").isNotEqualTo(CorrelationId.resolve(null, () -> null));
	}

}
