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

package dev.s2s.security.test;

import org.jspecify.annotations.Nullable;

/**
 * Argument checks with messages that name the argument; the issuer stays free of Spring.
 *
 * @author s2s-security team
 */
final class Args {

	private Args() {
	}

	static <T> T notNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " cannot be null");
		}
		return value;
	}

	static String hasText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be empty");
		}
		return value;
	}

	static void isTrue(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
