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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Checks of configured values that fail startup naming the key at fault and what to
 * write, shared by the properties of every feature.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ValidValues {

	private ValidValues() {
	}

	/**
	 * Require a positive duration.
	 * @param key the property's full key
	 * @param value the value
	 * @return the value
	 */
	public static Duration positive(String key, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(key, value, "Use a positive duration, e.g. '5s'.");
		}
		return value;
	}

	/**
	 * Require a duration that is not negative.
	 * @param key the property's full key
	 * @param value the value
	 * @return the value
	 */
	public static Duration notNegative(String key, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(key, value, "Use '0s' or a positive duration.");
		}
		return value;
	}

	/**
	 * Require a positive size that fits in memory as one array, and return it in bytes.
	 * @param key the property's full key
	 * @param value the value
	 * @return the size in bytes
	 */
	public static int bytes(String key, @Nullable DataSize value) {
		if (value == null || value.toBytes() <= 0 || value.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(key, value,
					"Use a positive size below 2GB, e.g. '64KB'.");
		}
		return (int) value.toBytes();
	}

	/**
	 * Require a scope token as RFC 6749 section 3.3 defines it.
	 * @param key the property's full key
	 * @param scope the scope
	 */
	public static void scope(String key, @Nullable String scope) {
		boolean valid = scope != null && !scope.isEmpty()
				&& scope.chars().allMatch((c) -> c >= 0x21 && c <= 0x7E && c != '"' && c != '\\');
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException(key, scope,
					"A scope is printable ASCII without spaces, quotes or backslashes, e.g. 'inventory.read'.");
		}
	}

	/**
	 * Require text.
	 * @param key the property's full key
	 * @param value the value
	 * @param example what to write
	 */
	public static void text(String key, @Nullable String value, String example) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(key, value, "Set a value, e.g. '" + example + "'.");
		}
	}

}
