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
package dev.s2s.security.inbound;

import org.jspecify.annotations.Nullable;

/**
 * Makes text from a token safe to log: no line breaks or control characters that could
 * forge log lines, and bounded length.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class LogSanitizer {

	private static final int MAX_LENGTH = 200;

	private LogSanitizer() {
	}

	/**
	 * Sanitize a value for a log line.
	 * @param value the value, possibly from an untrusted token
	 * @return the value with control characters escaped, at most 200 characters
	 */
	public static String sanitize(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		String text = value.toString();
		StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
		int i = 0;
		for (; i < text.length() && safe.length() < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				safe.append(String.format("\\u%04x", (int) c));
			}
			else {
				safe.append(c);
			}
		}
		// Escapes take six characters: a value can be cut before it reaches the limit.
		if (i < text.length()) {
			safe.append("...");
		}
		return safe.toString();
	}

}
