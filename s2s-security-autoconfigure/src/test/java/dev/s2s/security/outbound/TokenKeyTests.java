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

package dev.s2s.security.outbound;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A cached token is shared only by requests for exactly the same token: each part of the
 * key keeps two tokens apart.
 */
class TokenKeyTests {

	private static final TokenKey KEY = new TokenKey("orders", "payments", List.of("read"), "incoming",
			AudienceParameter.AUDIENCE);

	static Stream<Arguments> keysThatDifferInOnePart() {
		return Stream.of(
				arguments("client id",
						new TokenKey("billing", "payments", List.of("read"), "incoming", AudienceParameter.AUDIENCE)),
				arguments("audience",
						new TokenKey("orders", "shipping", List.of("read"), "incoming", AudienceParameter.AUDIENCE)),
				arguments("no audience",
						new TokenKey("orders", null, List.of("read"), "incoming", AudienceParameter.AUDIENCE)),
				arguments("scopes",
						new TokenKey("orders", "payments", List.of("write"), "incoming", AudienceParameter.AUDIENCE)),
				arguments("subject token",
						new TokenKey("orders", "payments", List.of("read"), "other", AudienceParameter.AUDIENCE)),
				arguments("own token instead of an exchange",
						new TokenKey("orders", "payments", List.of("read"), null, AudienceParameter.AUDIENCE)),
				arguments("audience parameter",
						new TokenKey("orders", "payments", List.of("read"), "incoming", AudienceParameter.RESOURCE)),
				arguments("DPoP-bound", new TokenKey("orders", "payments", List.of("read"), "incoming",
						AudienceParameter.AUDIENCE, true)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("keysThatDifferInOnePart")
	void keysThatDifferInOnePartAreDifferentKeys(String part, TokenKey other) {
		assertThat(KEY).isNotEqualTo(other);
		assertThat(other).isNotEqualTo(KEY);
	}

	@Test
	void keysWithTheSamePartsAreOneKey() {
		TokenKey same = new TokenKey("orders", "payments", List.of("read"), "other", AudienceParameter.AUDIENCE)
			.withSubjectToken("incoming");
		assertThat(same).isEqualTo(KEY).hasSameHashCodeAs(KEY);
		assertThat(KEY).isEqualTo(KEY).isNotEqualTo(null).isNotEqualTo("orders");
	}

	@Test
	void describedWithoutTheSubjectToken() {
		assertThat(KEY).hasToString("TokenKey[audience=payments, scopes=[read], exchange]");
		assertThat(new TokenKey("orders", "payments", List.of("read"), null))
			.hasToString("TokenKey[audience=payments, scopes=[read]]");
		assertThat(new TokenKey("orders", "payments", List.of("read"), null, null, true))
			.hasToString("TokenKey[audience=payments, scopes=[read], dpop]");
	}

}
