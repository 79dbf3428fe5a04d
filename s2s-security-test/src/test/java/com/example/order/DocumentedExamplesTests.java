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

package com.example.order;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of docs/testing.md are the code of this package, so they compile and pass:
 * a change to either shows here.
 */
class DocumentedExamplesTests {

	private static final Path DOCS = Path.of("../docs/testing.md");

	private static final Path SOURCES = Path.of("src/test/java/com/example/order");

	@Test
	void testingOutboundCallsShowsTheClientAndTheTestAsTheyAre() throws IOException {
		String docs = read(DOCS);
		for (String file : new String[] { "InventoryClient.java", "InventoryClientTests.java" }) {
			assertThat(docs).as("docs/testing.md shows %s", file).contains("```java\n" + code(file) + "\n```\n");
		}
	}

	@Test
	void withoutASpringContextShowsItsTestAsItIs() throws IOException {
		// A complete file, as DocumentationSnippetsTests wants every Java snippet to be.
		assertThat(read(DOCS)).contains("```java\n" + code("WithoutASpringContextTests.java") + "\n```\n");
	}

	/** The file from its package line on, without the comment that points at the docs. */
	private static String code(String file) throws IOException {
		String source = read(SOURCES.resolve(file));
		return source.substring(source.indexOf("package "))
			.replaceFirst("\n// Mirrors docs/testing\\.md[^\n]*\n", "")
			.stripTrailing();
	}

	private static String read(Path path) throws IOException {
		return Files.readString(path, StandardCharsets.UTF_8);
	}

}
