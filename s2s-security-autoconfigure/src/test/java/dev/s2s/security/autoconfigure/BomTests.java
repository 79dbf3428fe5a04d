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

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM, {@code s2s-security-dependencies}, manages every published module at the
 * project's version and, of other libraries, exactly those a published module uses that
 * Spring Boot does not manage, at the versions the build uses; it never imports Spring
 * Boot's BOM, names an artifact Spring Boot manages or inherits a parent's
 * {@code dependencyManagement}.
 *
 * <p>
 * Spring Boot's managed artifacts are read from its BOM and the BOMs it imports, in the
 * local Maven repository, where every build of this module has downloaded them
 * ({@code s2s.localRepository} is set to {@code settings.localRepository} by the build).
 */
class BomTests {

	private static final Path ROOT = Path.of("..");

	private static final Path BOM = ROOT.resolve("s2s-security-dependencies/pom.xml");

	private static final String GROUP = "dev.s2s";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

	private static final Pattern XML_SNIPPET = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);

	@Test
	void managesEveryPublishedModuleAtTheProjectVersion() {
		Pom root = Pom.read(ROOT.resolve("pom.xml"), null);
		Pom bom = Pom.read(BOM, null);
		assertThat(bom.coordinate("version")).as("the BOM's version").isEqualTo(root.coordinate("version"));
		assertThat(bom.coordinate("groupId")).isEqualTo(GROUP);
		Map<String, String> ours = new LinkedHashMap<>();
		bom.managed()
			.stream()
			.filter((dependency) -> dependency.groupId().equals(GROUP))
			.forEach((dependency) -> ours.put(dependency.artifactId(), dependency.version()));
		List<String> published = publishedModules(root).stream().map(Pom::artifactId).toList();
		assertThat(published).as("published modules")
			.contains("s2s-security-autoconfigure", "s2s-security-starter", "s2s-security-test");
		assertThat(ours.keySet()).as("dev.s2s artifacts in the BOM").containsExactlyInAnyOrderElementsOf(published);
		assertThat(ours.values()).as("their versions").containsOnly(root.coordinate("version"));
	}

	@Test
	void neverImportsNorInheritsSpringBootsVersions() {
		Pom bom = Pom.read(BOM, null);
		assertThat(bom.child(bom.root, "parent")).as("the BOM's parent, whose dependencyManagement it would inherit")
			.isNull();
		assertThat(bom.managed()).as("BOMs the BOM imports").noneMatch(Dependency::isImport);
		assertThat(bom.managed()).as("the BOM's entries")
			.noneMatch((dependency) -> dependency.artifactId().equals("spring-boot-dependencies"));
	}

	@Test
	void namesNoArtifactSpringBootManages() {
		Set<String> boot = springBootManaged();
		List<String> named = Pom.read(BOM, null).managed().stream().map(Dependency::key).toList();
		assertThat(named).as("artifacts of the BOM that Spring Boot manages").doesNotContainAnyElementsOf(boot);
	}

	@Test
	void managesEveryOtherLibraryOfThePublishedModulesAtTheBuildsVersion() {
		Pom root = Pom.read(ROOT.resolve("pom.xml"), null);
		Set<String> boot = springBootManaged();
		Map<String, String> build = new LinkedHashMap<>();
		root.managed().forEach((dependency) -> build.put(dependency.key(), dependency.version()));
		Set<String> needed = new LinkedHashSet<>();
		for (Pom module : publishedModules(root)) {
			for (Dependency dependency : module.dependencies()) {
				if (!dependency.groupId().equals(GROUP) && !dependency.isTest() && !boot.contains(dependency.key())) {
					needed.add(dependency.key());
					if (dependency.version() != null) {
						build.put(dependency.key(), dependency.version());
					}
				}
			}
		}
		Map<String, String> bom = new LinkedHashMap<>();
		Pom.read(BOM, null)
			.managed()
			.stream()
			.filter((dependency) -> !dependency.groupId().equals(GROUP))
			.forEach((dependency) -> bom.put(dependency.key(), dependency.version()));
		assertThat(needed).as("libraries of published modules that Spring Boot does not manage")
			.contains("com.nimbusds:oauth2-oidc-sdk", "com.google.crypto.tink:tink");
		assertThat(bom.keySet()).as("libraries in the BOM").containsExactlyInAnyOrderElementsOf(needed);
		bom.forEach((key, version) -> assertThat(version).as("version of " + key + " in the BOM")
			.isNotNull()
			.isEqualTo(build.get(key)));
	}

	@Test
	void springBootsManagedArtifactsAreReadThroughItsImportedBoms() {
		assertThat(springBootManaged()).contains("org.springframework.boot:spring-boot-starter",
				"com.github.ben-manes.caffeine:caffeine", "org.springframework.security:spring-security-core",
				"org.junit.jupiter:junit-jupiter-api", "io.micrometer:micrometer-tracing");
	}

	@Test
	void documentedMavenSnippetsImportTheBomAndNameNoVersionOfOurArtifacts() throws IOException {
		String version = Pom.read(ROOT.resolve("pom.xml"), null).coordinate("version");
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		int snippets = 0;
		for (Path page : pages) {
			Matcher xml = XML_SNIPPET.matcher(Files.readString(page));
			while (xml.find()) {
				if (!xml.group(1).contains("<groupId>" + GROUP + "</groupId>")) {
					continue;
				}
				snippets++;
				Pom snippet = Pom.parse("<project>" + xml.group(1) + "</project>", page);
				assertThat(snippet.managed()).as("the BOM import in %s", page)
					.containsExactly(new Dependency(GROUP, "s2s-security-dependencies", version, "import", "pom"));
				assertThat(snippet.dependencies()).as("dependencies in %s", page)
					.isNotEmpty()
					.allSatisfy((dependency) -> assertThat(dependency.version()).as(dependency.key()).isNull());
			}
		}
		assertThat(snippets).as("Maven snippets in README.md and docs/").isGreaterThanOrEqualTo(3);
	}

	private static List<Pom> publishedModules(Pom root) {
		List<Pom> published = new ArrayList<>();
		for (Element module : root.children(root.child(root.root, "modules"), "module")) {
			Pom pom = Pom.read(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml"), root);
			boolean deployed = !"true".equals(pom.properties.get("maven.deploy.skip"));
			boolean jar = !"pom".equals(pom.text(pom.root, "packaging"));
			if (deployed && jar) {
				published.add(pom);
			}
		}
		return published;
	}

	private static Set<String> springBootManaged() {
		Pom root = Pom.read(ROOT.resolve("pom.xml"), null);
		String version = root.properties.get("spring-boot.version");
		assertThat(version).as("spring-boot.version in the root pom").isNotNull();
		Set<String> managed = new LinkedHashSet<>();
		collectManaged(localRepository(), "org.springframework.boot", "spring-boot-dependencies", version, managed,
				new LinkedHashSet<>());
		return managed;
	}

	private static void collectManaged(Path repository, String groupId, String artifactId, String version,
			Set<String> managed, Set<String> seen) {
		if (!seen.add(groupId + ":" + artifactId + ":" + version)) {
			return;
		}
		Pom pom = load(repository, groupId, artifactId, version);
		Element parent = pom.child(pom.root, "parent");
		if (parent != null) {
			collectManaged(repository, pom.text(parent, "groupId"), pom.text(parent, "artifactId"),
					pom.text(parent, "version"), managed, seen);
		}
		for (Dependency dependency : pom.managed()) {
			assertThat(dependency.key()).as("an artifact %s manages", pom.artifactId()).doesNotContain("${");
			if (dependency.isImport()) {
				collectManaged(repository, dependency.groupId(), dependency.artifactId(), dependency.version(), managed,
						seen);
			}
			else {
				managed.add(dependency.key());
			}
		}
	}

	/**
	 * Read a POM from the local repository, with the properties of its parents.
	 */
	private static Pom load(Path repository, String groupId, String artifactId, String version) {
		Path file = repository.resolve(groupId.replace('.', '/'))
			.resolve(artifactId)
			.resolve(version)
			.resolve(artifactId + "-" + version + ".pom");
		assertThat(file).as("%s:%s:%s in the local repository (a build downloads it)", groupId, artifactId, version)
			.isRegularFile();
		Pom pom = Pom.read(file, null);
		Element parent = pom.child(pom.root, "parent");
		if (parent == null) {
			return pom;
		}
		return Pom.read(file, load(repository, pom.text(parent, "groupId"), pom.text(parent, "artifactId"),
				pom.text(parent, "version")));
	}

	private static Path localRepository() {
		String configured = System.getProperty("s2s.localRepository", System.getProperty("maven.repo.local"));
		return (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	/**
	 * A dependency as a POM declares it, placeholders resolved.
	 */
	private record Dependency(String groupId, String artifactId, String version, String scope, String type) {

		String key() {
			return this.groupId + ":" + this.artifactId;
		}

		boolean isImport() {
			return "import".equals(this.scope);
		}

		boolean isTest() {
			return "test".equals(this.scope);
		}

	}

	/**
	 * Just enough of a POM: coordinates, properties (with those of the given parent) and
	 * dependencies.
	 */
	private static final class Pom {

		private final Element root;

		private final Map<String, String> properties = new HashMap<>();

		private Pom(Element root, Pom parent) {
			this.root = root;
			if (parent != null) {
				this.properties.putAll(parent.properties);
			}
			Element parentElement = child(root, "parent");
			for (String coordinate : List.of("groupId", "artifactId", "version")) {
				String value = text(root, coordinate);
				if (value == null && parentElement != null && !coordinate.equals("artifactId")) {
					value = text(parentElement, coordinate);
				}
				if (value != null) {
					this.properties.put("project." + coordinate, value);
				}
			}
			if (parentElement != null) {
				this.properties.put("project.parent.version", text(parentElement, "version"));
				this.properties.put("project.parent.groupId", text(parentElement, "groupId"));
			}
			Element properties = child(root, "properties");
			if (properties != null) {
				for (Node node = properties.getFirstChild(); node != null; node = node.getNextSibling()) {
					if (node instanceof Element property) {
						this.properties.put(property.getTagName(), property.getTextContent().trim());
					}
				}
			}
		}

		static Pom read(Path file, Pom parent) {
			try {
				return new Pom(element(Files.readString(file), file), parent);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + file, ex);
			}
		}

		static Pom parse(String xml, Path source) {
			return new Pom(element(xml, source), null);
		}

		private static Element element(String xml, Path source) {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot parse the XML of " + source, ex);
			}
		}

		String artifactId() {
			return coordinate("artifactId");
		}

		String coordinate(String name) {
			return this.properties.get("project." + name);
		}

		List<Dependency> managed() {
			Element management = child(this.root, "dependencyManagement");
			return (management != null) ? dependencies(child(management, "dependencies")) : List.of();
		}

		List<Dependency> dependencies() {
			return dependencies(child(this.root, "dependencies"));
		}

		private List<Dependency> dependencies(Element dependencies) {
			List<Dependency> result = new ArrayList<>();
			for (Element dependency : children(dependencies, "dependency")) {
				result.add(new Dependency(text(dependency, "groupId"), text(dependency, "artifactId"),
						text(dependency, "version"), text(dependency, "scope"), text(dependency, "type")));
			}
			return result;
		}

		Element child(Element parent, String name) {
			List<Element> children = children(parent, name);
			return children.isEmpty() ? null : children.get(0);
		}

		List<Element> children(Element parent, String name) {
			List<Element> children = new ArrayList<>();
			if (parent != null) {
				for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
					if (node instanceof Element element && element.getTagName().equals(name)) {
						children.add(element);
					}
				}
			}
			return children;
		}

		String text(Element parent, String name) {
			Element child = child(parent, name);
			return (child != null) ? resolve(child.getTextContent().trim()) : null;
		}

		private String resolve(String value) {
			String resolved = value;
			for (int i = 0; i < 10 && resolved.contains("${"); i++) {
				Matcher matcher = PLACEHOLDER.matcher(resolved);
				StringBuilder result = new StringBuilder();
				while (matcher.find()) {
					String replacement = this.properties.get(matcher.group(1));
					matcher.appendReplacement(result,
							Matcher.quoteReplacement((replacement != null) ? replacement : matcher.group()));
				}
				matcher.appendTail(result);
				if (result.toString().equals(resolved)) {
					break;
				}
				resolved = result.toString();
			}
			return resolved;
		}

	}

}
