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
package dev.s2s.security.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BearerTokens}.
 */
class BearerTokensTests {

	@Test
	void resolveWhenOneBearerHeaderThenItsToken() {
		assertThat(BearerTokens.resolve(List.of("Bearer abc.def-_~+/="), false)).isEqualTo("abc.def-_~+/=");
		assertThat(BearerTokens.resolve(List.of("bearer abc"), false)).isEqualTo("abc");
	}

	@Test
	void resolveWhenNoneOrAnotherSchemeThenNone() {
		assertThat(BearerTokens.resolve(List.of(), false)).isNull();
		assertThat(BearerTokens.resolve(List.of("Basic dXNlcjpwYXNz"), false)).isNull();
	}

	@Test
	void resolveWhenSeveralCredentialsThenInvalidRequest() {
		for (List<String> headers : List.of(List.of("Bearer a", "Bearer b"), List.of("Bearer a, Bearer b"),
				List.of("Bearer a b"))) {
			assertThatExceptionOfType(OAuth2AuthenticationException.class)
				.isThrownBy(() -> BearerTokens.resolve(headers, false))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).as(headers.toString())
					.isEqualTo("invalid_request"));
		}
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> BearerTokens.resolve(List.of(), true))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void resolveWhenMalformedThenInvalidToken() {
		for (String malformed : List.of("Bearer a\"b", "Bearer a=b", "Bearer ==", "Bearer", "Bearer\tabc", "Bearerabc",
				"Bearer abc\n", "Bearer ab\u00e9", "Bearer ab\u0100c", "Bearer a%2Fb")) {
			assertThatExceptionOfType(OAuth2AuthenticationException.class).as(malformed)
				.isThrownBy(() -> BearerTokens.resolve(List.of(malformed), false))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token"));
		}
	}

	@Test
	void resolveWhenTheSchemeIsInAnyCaseOrThePaddingLongThenTheToken() {
		assertThat(BearerTokens.resolve(List.of("bEARER abc=="), false)).isEqualTo("abc==");
		assertThat(BearerTokens.resolve(List.of("Bearer " + "x".repeat(4000) + "==="), false))
			.isEqualTo("x".repeat(4000) + "===");
	}

	@Test
	void hasTokenParameterWhenNamedAnyWayThenTrue() {
		assertThat(BearerTokens.hasTokenParameter("access_token=x")).isTrue();
		assertThat(BearerTokens.hasTokenParameter("a=1&access%5Ftoken=x")).isTrue();
		assertThat(BearerTokens.hasTokenParameter("access_token")).isTrue();
		assertThat(BearerTokens.hasTokenParameter("my_access_token=x&a=%zz")).isFalse();
		assertThat(BearerTokens.hasTokenParameter(null)).isFalse();
	}

}
