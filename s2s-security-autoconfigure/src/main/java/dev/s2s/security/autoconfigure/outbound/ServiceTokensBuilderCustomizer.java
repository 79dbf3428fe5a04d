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

package dev.s2s.security.autoconfigure.outbound;

import dev.s2s.security.outbound.ServiceTokens;

/**
 * Callback that customizes the {@link ServiceTokens.Builder} of the auto-configured
 * {@link ServiceTokens}, after the properties are applied and before it is built, so that
 * changing one setting does not mean replacing the whole bean. Beans of this type are
 * applied in their {@link org.springframework.core.annotation.Order order}; a
 * {@code ServiceTokens} bean of your own skips them.
 *
 * @author s2s-security team
 * @since 0.2.0
 */
@FunctionalInterface
public interface ServiceTokensBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, with the configuration already applied
	 */
	void customize(ServiceTokens.Builder builder);

}
