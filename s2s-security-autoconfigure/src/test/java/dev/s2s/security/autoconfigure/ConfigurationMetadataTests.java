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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationProperties;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs read,
 * {@code META-INF/spring-configuration-metadata.json} (generated from the properties
 * classes and merged with {@code additional-spring-configuration-metadata.json}),
 * describes every property and group, and offers every value of each enum-typed property,
 * spelled as it is written in configuration and described. Keys inside list entries and
 * map values cannot carry hints in that format; {@code docs/configuration.md} lists their
 * values instead.
 *
 * <p>
 * The compiler merges the additional metadata only when it compiles: after editing that
 * file alone, build with {@code clean}.
 */
class ConfigurationMetadataTests {

	private static final String PREFIX = "s2s.security";

	private static final Pattern COLLECTION = Pattern.compile("java\\.util\\.(?:List|Set|Collection)<(.+)>");

	@Test
	void everyPropertyHasADescription() {
		List<Map<String, Object>> properties = items("properties");
		assertThat(properties).isNotEmpty();
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank());
	}

	@Test
	void everyGroupHasADescription() {
		List<Map<String, Object>> groups = items("groups").stream()
			.filter((group) -> isOurs((String) group.get("name")))
			.toList();
		assertThat(groups).extracting((group) -> group.get("name"))
			.contains("s2s.security", "s2s.security.inbound", "s2s.security.inbound.jwks",
					"s2s.security.inbound.token-cache", "s2s.security.authorization", "s2s.security.outbound");
		assertThat(groups).allSatisfy((group) -> assertThat((String) group.get("description"))
			.as("description of group %s", group.get("name"))
			.isNotBlank());
	}

	@Test
	void everyEnumPropertyOffersEveryValueDescribed() {
		Map<String, Map<String, Object>> hints = hints();
		int enums = 0;
		for (Map<String, Object> property : items("properties")) {
			String name = (String) property.get("name");
			Class<? extends Enum<?>> type = enumType((String) property.get("type"));
			if (type == null) {
				continue;
			}
			enums++;
			assertThat(hints).as("hints of %s", name).containsKey(name);
			Map<String, String> values = values(hints.get(name));
			assertThat(values.keySet()).as("values offered for %s", name)
				.containsExactlyInAnyOrderElementsOf(spellings(type).keySet());
			values.forEach((value, description) -> assertThat(description).as("description of %s: %s", name, value)
				.isNotBlank());
		}
		assertThat(enums).as("enum-typed properties").isGreaterThanOrEqualTo(3);
	}

	@Test
	void everyOfferedValueBindsToItsConstant() {
		for (Map<String, Object> property : items("properties")) {
			String name = (String) property.get("name");
			Class<? extends Enum<?>> type = enumType((String) property.get("type"));
			if (type != null) {
				spellings(type).forEach((value, constant) -> {
					Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(name, value)));
					assertThat(binder.bind(name, type).get()).as("%s=%s", name, value).isEqualTo(constant);
				});
			}
		}
	}

	@Test
	void everyHintNamesAProperty() {
		Map<String, String> types = new LinkedHashMap<>();
		items("properties")
			.forEach((property) -> types.put((String) property.get("name"), (String) property.get("type")));
		assertThat(hints().keySet()).isNotEmpty().allSatisfy((hint) -> {
			String map = hint.replaceFirst("\\.(keys|values)$", "");
			boolean mapPart = !map.equals(hint) && types.getOrDefault(map, "").startsWith("java.util.Map<");
			assertThat(types.containsKey(hint) || mapPart).as("a property named by hint %s", hint).isTrue();
		});
	}

	@Test
	void valuesOfEnumKeysInListAndMapEntriesAreDocumented() throws IOException {
		List<String> reference = Files.readAllLines(Path.of("../docs/configuration.md"));
		Map<Class<?>, String> entries = Map.of(S2sInboundProperties.Issuer.class, "issuers[].",
				S2sAuthorizationProperties.ServicePath.class, "service-paths[].", S2sOutboundProperties.Target.class,
				"targets.<name>.");
		int documented = 0;
		for (Map.Entry<Class<?>, String> entry : entries.entrySet()) {
			for (Field field : entry.getKey().getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || !field.getType().isEnum()) {
					continue;
				}
				String key = entry.getValue() + field.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
				String row = reference.stream()
					.filter((line) -> line.startsWith("| `" + key + "` |"))
					.findFirst()
					.orElse(null);
				assertThat(row).as("docs/configuration.md: a row listing the values of %s", key).isNotNull();
				assertThat(spellings(enumType(field.getType().getName())).keySet())
					.allSatisfy((value) -> assertThat(row).as(key).contains("`" + value + "`"));
				documented++;
			}
		}
		assertThat(documented).as("enum keys of list and map entries").isGreaterThanOrEqualTo(3);
	}

	/**
	 * The values of an enum as they are written in configuration: their
	 * {@code toString()} where the enum defines one, else kebab case.
	 */
	private static Map<String, Enum<?>> spellings(Class<? extends Enum<?>> type) {
		Map<String, Enum<?>> spellings = new LinkedHashMap<>();
		for (Enum<?> constant : type.getEnumConstants()) {
			String written = constant.toString();
			if (written.equals(constant.name())) {
				written = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
			}
			spellings.put(written, constant);
		}
		return spellings;
	}

	/**
	 * The enum a property of the given metadata type takes, alone or in a collection, or
	 * {@code null}.
	 */
	@SuppressWarnings("unchecked")
	private static Class<? extends Enum<?>> enumType(String type) {
		Matcher collection = COLLECTION.matcher(type);
		String element = collection.matches() ? collection.group(1) : type;
		try {
			Class<?> candidate = Class.forName(element, false, ConfigurationMetadataTests.class.getClassLoader());
			return candidate.isEnum() ? (Class<? extends Enum<?>>) candidate : null;
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static boolean isOurs(String name) {
		return name.equals(PREFIX) || name.startsWith(PREFIX + ".");
	}

	private static Map<String, Map<String, Object>> hints() {
		Map<String, Map<String, Object>> hints = new LinkedHashMap<>();
		items("hints").forEach((hint) -> hints.put((String) hint.get("name"), hint));
		return hints;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> values(Map<String, Object> hint) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map<String, Object> value : (List<Map<String, Object>>) hint.getOrDefault("values", List.of())) {
			values.put(String.valueOf(value.get("value")), (String) value.get("description"));
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(String kind) {
		try (InputStream metadata = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("the generated configuration metadata").isNotNull();
			Map<String, Object> json = JsonMapper.builder().build().readValue(metadata, Map.class);
			return new ArrayList<>((List<Map<String, Object>>) json.getOrDefault(kind, List.of()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
