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
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationProperties;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} documents every property: those in the generated
 * configuration metadata, and the fields of list and map entries, which the metadata does
 * not list.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("../docs/configuration.md");

	@Test
	void everyPropertyInTheMetadataIsDocumented() throws IOException {
		String reference = Files.readString(REFERENCE);
		for (String property : metadataProperties()) {
			assertThat(reference).as("docs/configuration.md lists " + property).contains("`" + property + "`");
		}
	}

	@Test
	void everyFieldOfListAndMapEntriesIsDocumented() throws IOException {
		String reference = Files.readString(REFERENCE);
		for (Class<?> entry : List.of(S2sInboundProperties.Issuer.class, S2sAuthorizationProperties.ServicePath.class,
				S2sOutboundProperties.Target.class)) {
			for (Field field : entry.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					String key = field.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
					assertThat(reference).as("docs/configuration.md lists " + entry.getSimpleName() + "." + key)
						.contains("| `" + key + "` |");
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> metadataProperties() throws IOException {
		try (InputStream metadata = ConfigurationReferenceTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			Map<String, Object> json = JsonMapper.builder().build().readValue(metadata, Map.class);
			List<String> names = new ArrayList<>();
			for (Map<String, Object> property : (List<Map<String, Object>>) json.get("properties")) {
				names.add((String) property.get("name"));
			}
			assertThat(names).isNotEmpty();
			return names;
		}
	}

}
