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
package dev.s2s.security.autoconfigure.check;

import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationProperties;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * The startup check binds the whole {@code s2s.security} tree itself, not as a
 * configuration-properties bean that Boot's AOT processing would know about: its types
 * need the binding hints Boot registers for such beans.
 *
 * @author s2s-security team
 */
final class ConfigurationTreeRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		// Its parts live in other packages, so they are not nested types to the
		// registrar.
		BindableRuntimeHintsRegistrar
			.forTypes(S2sConfigurationTree.class, S2sInboundProperties.class, S2sOutboundProperties.class,
					S2sAuthorizationProperties.class)
			.registerHints(hints, classLoader);
	}

}
