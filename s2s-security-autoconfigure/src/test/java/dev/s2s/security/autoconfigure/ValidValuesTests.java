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

package dev.s2s.security.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The value checks behind the startup failures: each names the key and says what to
 * write, and each accepts its smallest and largest valid value.
 */
class ValidValuesTests {

	private static final String KEY = "s2s.security.example";

	@Test
	void positiveDurations() {
		assertThat(ValidValues.positive(KEY, Duration.ofNanos(1))).isEqualTo(Duration.ofNanos(1));
		refused(() -> ValidValues.positive(KEY, Duration.ZERO), "Use a positive duration, e.g. '5s'.");
		refused(() -> ValidValues.positive(KEY, Duration.ofSeconds(-1)), "Use a positive duration, e.g. '5s'.");
		refused(() -> ValidValues.positive(KEY, null), "Use a positive duration, e.g. '5s'.");
	}

	@Test
	void notNegativeDurations() {
		assertThat(ValidValues.notNegative(KEY, Duration.ZERO)).isEqualTo(Duration.ZERO);
		refused(() -> ValidValues.notNegative(KEY, Duration.ofNanos(-1)), "Use '0s' or a positive duration.");
		refused(() -> ValidValues.notNegative(KEY, null), "Use '0s' or a positive duration.");
	}

	@Test
	void sizesFromOneByteToTheLargestArray() {
		assertThat(ValidValues.bytes(KEY, DataSize.ofBytes(1))).isOne();
		assertThat(ValidValues.bytes(KEY, DataSize.ofBytes(Integer.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
		String action = "Use a positive size below 2GB, e.g. '64KB'.";
		refused(() -> ValidValues.bytes(KEY, DataSize.ofBytes(0)), action);
		refused(() -> ValidValues.bytes(KEY, DataSize.ofBytes(Integer.MAX_VALUE + 1L)), action);
		refused(() -> ValidValues.bytes(KEY, null), action);
	}

	@ParameterizedTest
	@ValueSource(strings = { "inventory.read", "!", "~", "urn:example:scope/a+b" })
	void scopeTokens(String scope) {
		ValidValues.scope(KEY, scope);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "tab\t", "quote\"", "back\\slash", "del\u007f", "caf\u00e9" })
	void notScopeTokens(String scope) {
		refused(() -> ValidValues.scope(KEY, scope),
				"A scope is printable ASCII without spaces, quotes or backslashes, e.g. 'inventory.read'.");
	}

	@Test
	void text() {
		ValidValues.text(KEY, "x", "orders");
		refused(() -> ValidValues.text(KEY, " ", "orders"), "Set a value, e.g. 'orders'.");
		refused(() -> ValidValues.text(KEY, null, "orders"), "Set a value, e.g. 'orders'.");
	}

	private static void refused(Runnable check, String action) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(check::run)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(KEY))
			.withMessageEndingWith(action);
	}

}
