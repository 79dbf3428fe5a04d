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

package dev.s2s.security.docs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet in README.md and docs/ is a complete source file (package, imports,
 * one top-level type) that compiles against the published modules, so that the docs
 * cannot drift from the API. The snippets of one page compile together: a test there may
 * use the controller shown above it.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern TOP_LEVEL_TYPE = Pattern
		.compile("^(?:public |final |abstract )*(?:class|interface|record|enum|@interface) (\\w+)", Pattern.MULTILINE);

	static Stream<Path> pages() throws IOException {
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
			return pages.stream();
		}
	}

	@Test
	void theDocsHaveJavaSnippets() throws IOException {
		assertThat(pages().mapToLong((page) -> snippets(page).size()).sum()).isGreaterThan(10);
	}

	@ParameterizedTest
	@MethodSource("pages")
	void everyJavaSnippetOfThePageIsACompleteFileThatCompiles(Path page, @TempDir Path sources) throws IOException {
		List<Snippet> snippets = snippets(page);
		List<File> files = new ArrayList<>();
		for (Snippet snippet : snippets) {
			files.add(write(snippet, sources));
		}
		if (files.isEmpty()) {
			return;
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter errors = new StringWriter();
		try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, null)) {
			Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromFiles(files);
			List<String> options = List.of("-proc:none", "--release", "17", "-Xlint:none", "-classpath",
					System.getProperty("java.class.path"), "-d", sources.resolve("classes").toString());
			boolean compiled = compiler.getTask(errors, manager, null, options, null, units).call();
			assertThat(compiled).as("Java snippets of %s:%n%s", ROOT.relativize(page), errors).isTrue();
		}
	}

	private static File write(Snippet snippet, Path sources) throws IOException {
		Matcher pkg = PACKAGE.matcher(snippet.code());
		Matcher type = TOP_LEVEL_TYPE.matcher(snippet.code());
		assertThat(pkg.find() && type.find())
			.as("The Java snippet at %s is not a complete source file: give it its package, its imports and "
					+ "a top-level type, so that it can be copied as it is", snippet.location())
			.isTrue();
		Path file = sources.resolve(pkg.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
		assertThat(file).as("Two snippets of one page declare %s (the second at %s)", type.group(1), snippet.location())
			.doesNotExist();
		Files.createDirectories(file.getParent());
		return Files.writeString(file, snippet.code()).toFile();
	}

	private static List<Snippet> snippets(Path page) {
		try {
			String text = Files.readString(page);
			List<Snippet> snippets = new ArrayList<>();
			Matcher matcher = JAVA_BLOCK.matcher(text);
			while (matcher.find()) {
				int line = (int) text.substring(0, matcher.start()).lines().count() + 1;
				snippets.add(new Snippet(ROOT.relativize(page) + ":" + line, matcher.group(1)));
			}
			return snippets;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Snippet(String location, String code) {

	}

}
