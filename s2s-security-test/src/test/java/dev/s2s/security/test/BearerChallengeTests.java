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

package dev.s2s.security.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BearerChallenge}: finding the Bearer challenge among others, as RFC 9110 writes
 * them.
 */
class BearerChallengeTests {

	@Test
	void readsQuotedAndTokenParametersWhateverTheirCase() {
		BearerChallenge challenge = BearerChallenge.find(List.of("bearer Error=invalid_token, "
				+ "error_description=\"a \\\"quoted\\\" word, and a comma\", resource_metadata=\"https://a/b\""));
		assertThat(challenge).isNotNull();
		assertThat(challenge.parameter("error")).isEqualTo("invalid_token");
		assertThat(challenge.parameter("ERROR_DESCRIPTION")).isEqualTo("a \"quoted\" word, and a comma");
		assertThat(challenge.parameter("resource_metadata")).isEqualTo("https://a/b");
		assertThat(challenge.parameter("scope")).isNull();
		assertThat(challenge.repeated()).isEmpty();
	}

	@Test
	void aBearerChallengeWithoutParameters() {
		BearerChallenge challenge = BearerChallenge.find(List.of("Bearer"));
		assertThat(challenge).isNotNull();
		assertThat(challenge.parameter("error")).isNull();
	}

	@Test
	void findsBearerAfterOtherChallengesInOneHeaderOrInTheNext() {
		BearerChallenge inOne = BearerChallenge
			.find(List.of("Basic realm=\"x\", Negotiate dXNlcg==, Bearer error=\"insufficient_scope\", "
					+ "scope=\"a b\", DPoP algs=\"ES256\""));
		assertThat(inOne).isNotNull();
		assertThat(inOne.parameter("scope")).isEqualTo("a b");
		assertThat(inOne.parameter("realm")).isNull();
		assertThat(inOne.parameter("algs")).isNull();
		BearerChallenge inNext = BearerChallenge.find(List.of("Basic realm=\"x\"", "Bearer error=\"invalid_token\""));
		assertThat(inNext).isNotNull();
		assertThat(inNext.parameter("error")).isEqualTo("invalid_token");
	}

	@Test
	void noBearerChallenge() {
		assertThat(BearerChallenge.find(List.of())).isNull();
		assertThat(BearerChallenge.find(List.of("Basic realm=\"Bearer\"", "BearerToken error=\"invalid_token\"")))
			.isNull();
	}

	@Test
	void tellsRepeatedParameters() {
		BearerChallenge challenge = BearerChallenge
			.find(List.of("Bearer error=\"invalid_token\", error=\"insufficient_scope\""));
		assertThat(challenge).isNotNull();
		assertThat(challenge.parameter("error")).isEqualTo("invalid_token");
		assertThat(challenge.repeated()).containsExactly("error");
	}

}
