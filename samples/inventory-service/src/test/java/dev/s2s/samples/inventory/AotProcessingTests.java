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
package dev.s2s.samples.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code spring-boot-maven-plugin:process-aot} generated for this application (the
 * build runs it before the tests): s2s-security's auto-configuration is processed and its
 * runtime hints reach the native-image metadata.
 */
class AotProcessingTests {

	private static final Path AOT = Path.of("target/spring-aot/main");

	@Test
	void autoConfigurationIsProcessedAheadOfTime() {
		Path sources = AOT.resolve("sources/dev/s2s/security/autoconfigure");
		assertThat(sources.resolve("inbound/S2sInboundAutoConfiguration__BeanDefinitions.java")).isRegularFile();
		assertThat(sources.resolve("web/S2sWebSecurityAutoConfiguration__BeanDefinitions.java")).isRegularFile();
	}

	@Test
	void runtimeHintsReachTheNativeImageMetadata() throws IOException {
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Files.readString(AOT
				.resolve("resources/META-INF/native-image/dev.s2s/inventory-service/reachability-metadata.json")));
		assertThat(metadata.get("reflection").valueStream().map((entry) -> entry.path("type").asString())).contains(
				"dev.s2s.security.annotation.ServiceCaller", "dev.s2s.security.caller.ServiceAuthentication",
				"dev.s2s.security.authorization.CallerDecision",
				"dev.s2s.security.autoconfigure.inbound.S2sInboundProperties$Issuer");
	}

}
