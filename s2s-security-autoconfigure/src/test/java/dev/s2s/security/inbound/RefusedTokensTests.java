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

import java.time.Clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refused-token memory: the very same token only, refused again with its own reason
 * and flags, each time in an exception of its own.
 */
class RefusedTokensTests {

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ.Nk2Z4fQ0lWv8c3bq9Xj1pR7sTgYh2uKe5oMd";

	private final RefusedTokens refused = new RefusedTokens(100, Clock.systemUTC());

	@Test
	void aRefusedTokenIsRefusedAgainForTheSameReasonInANewException() {
		RejectedTokenException first = RejectedTokenException.untrustedIssuer();
		this.refused.put(TOKEN, first);
		RejectedTokenException again = this.refused.get(new String(TOKEN.toCharArray()));
		assertThat(again).isNotNull().isNotSameAs(first).isNotSameAs(this.refused.get(TOKEN));
		assertThat(again.getReason()).isEqualTo("untrusted issuer");
		assertThat(again.isUntrustedIssuer()).isTrue();
		assertThat(again.isKeysUnavailable()).isFalse();
		assertThat(again.getMessage()).isEqualTo("The access token is invalid");
	}

	@Test
	void anotherTokenWithTheSameSignatureIsNotRefused() {
		this.refused.put(TOKEN, new RejectedTokenException("Invalid signature"));
		assertThat(this.refused.get("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.Nk2Z4fQ0lWv8c3bq9Xj1pR7sTgYh2uKe5oMd"))
			.isNull();
	}

	@Test
	void tokensCountForTheirLengthSoThatLongOnesCannotFillTheMemory() {
		RefusedTokens room = new RefusedTokens(1, Clock.systemUTC());
		String typical = "a".repeat(RefusedTokens.TYPICAL_TOKEN_LENGTH);
		String longer = "b".repeat(RefusedTokens.TYPICAL_TOKEN_LENGTH + 1);
		room.put(typical, new RejectedTokenException("Invalid signature"));
		room.put(longer, new RejectedTokenException("Invalid signature"));
		assertThat(room.get(longer)).isNull();
		assertThat(room.get(typical)).isNotNull();
	}

	@Test
	void aRefusalHasNoStackTrace() {
		assertThat(new RejectedTokenException("Invalid signature").getStackTrace()).isEmpty();
		assertThat(RejectedTokenException.keysUnavailable("keys unavailable").again().isKeysUnavailable()).isTrue();
	}

}
