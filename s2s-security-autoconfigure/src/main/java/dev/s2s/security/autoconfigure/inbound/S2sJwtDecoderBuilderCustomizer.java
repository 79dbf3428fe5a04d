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

package dev.s2s.security.autoconfigure.inbound;

import dev.s2s.security.inbound.S2sJwtDecoder;

/**
 * Callback that customizes the {@link S2sJwtDecoder.Builder} of the auto-configured
 * decoder, after the properties are applied and before it is built, so that changing one
 * setting does not mean replacing the whole decoder. Beans of this type are applied in
 * their {@link org.springframework.core.annotation.Order order}; a {@code JwtDecoder}
 * bean of your own replaces the decoder and skips them.
 *
 * @author s2s-security team
 * @since 0.2.0
 */
@FunctionalInterface
public interface S2sJwtDecoderBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, with the configuration already applied
	 */
	void customize(S2sJwtDecoder.Builder builder);

}
