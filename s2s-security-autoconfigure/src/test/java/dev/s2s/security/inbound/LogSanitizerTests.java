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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller-controlled value becomes in a log line: no forged lines, bounded length.
 */
class LogSanitizerTests {

	@Test
	void lineBreaksAndControlCharactersAreEscaped() {
		assertThat(LogSanitizer.sanitize("orders\nINFO forged line")).isEqualTo("orders\\u000aINFO forged line");
		assertThat(LogSanitizer.sanitize("a\rb\u0000c\u001bd\u007fe")).isEqualTo("a\\u000db\\u0000c\\u001bd\\u007fe");
		assertThat(LogSanitizer.sanitize("x\u2028y\u2029z\u0085")).isEqualTo("x\\u2028y\\u2029z\\u0085");
	}

	@Test
	void printableTextIsKeptAsItIs() {
		assertThat(LogSanitizer.sanitize("order-service é ~ \"quoted\"")).isEqualTo("order-service é ~ \"quoted\"");
		assertThat(LogSanitizer.sanitize(42)).isEqualTo("42");
		assertThat(LogSanitizer.sanitize(null)).isEqualTo("null");
		assertThat(LogSanitizer.sanitize("")).isEmpty();
	}

	@Test
	void longValuesAreCutAt200CharactersAndMarked() {
		assertThat(LogSanitizer.sanitize("a".repeat(200))).isEqualTo("a".repeat(200));
		assertThat(LogSanitizer.sanitize("a".repeat(201))).isEqualTo("a".repeat(200) + "...");
		// An escape takes six characters: 34 line breaks fill the 200, and the cut is
		// marked.
		String escaped = LogSanitizer.sanitize("\n".repeat(100));
		assertThat(escaped).hasSize(207).startsWith("\\u000a").endsWith("...").doesNotContain("\n");
	}

}
