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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The decoder's builder refuses a decoder that would trust nothing, or trust an issuer
 * twice, and settings that would turn a check off.
 */
class S2sJwtDecoderBuilderTests {

	@Test
	void aDecoderTrustsAtLeastOneIssuerAndEachOnce() {
		assertThatIllegalStateException().isThrownBy(() -> S2sJwtDecoder.builder().build())
			.withMessage("At least one trusted issuer is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S2sJwtDecoder.builder()
				.issuer(TrustedIssuer.of("https://idp.example", "inventory"))
				.issuer(TrustedIssuer.of("https://idp.example", "billing")))
			.withMessage("Issuer https://idp.example is configured twice");
		assertThatNoException().isThrownBy(() -> S2sJwtDecoder.builder()
			.issuer(TrustedIssuer.of("https://idp.example", "inventory"))
			.issuer(TrustedIssuer.of("https://idp.example/other", "inventory")));
	}

	@Test
	void nullArgumentsAreRefusedWithTheirName() {
		S2sJwtDecoder.Builder builder = S2sJwtDecoder.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.issuer(null))
			.withMessage("issuer cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.jwks(null)).withMessage("jwks cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.clock(null)).withMessage("clock cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.validator(null))
			.withMessage("validator cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.clockSkew(null))
			.withMessage("clockSkew must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxTokenLifetime(null))
			.withMessage("maxTokenLifetime must be positive");
	}

	@Test
	void timeSettingsCannotTurnTheTimeChecksOff() {
		S2sJwtDecoder.Builder builder = S2sJwtDecoder.builder();
		assertThatNoException().isThrownBy(() -> builder.clockSkew(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.clockSkew(Duration.ofSeconds(-1)))
			.withMessage("clockSkew must not be negative");
		assertThatNoException().isThrownBy(() -> builder.maxTokenLifetime(Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxTokenLifetime(Duration.ZERO))
			.withMessage("maxTokenLifetime must be positive");
	}

	@Test
	void theCacheSizeIsZeroOrMore() {
		S2sJwtDecoder.Builder builder = S2sJwtDecoder.builder();
		assertThatNoException().isThrownBy(() -> builder.cacheMaximumSize(0));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.cacheMaximumSize(-1))
			.withMessage("cacheMaximumSize must not be negative");
	}

}
