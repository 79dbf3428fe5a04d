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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a fetched token is renewed and when it stops being served, and how long a
 * {@code Retry-After} asks us to wait.
 */
class TokenLifetimeTests {

	private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(ISSUED, ZoneOffset.UTC);

	@Test
	void aShortTokenStopsBeingServedATenthOfItsLifetimeBeforeItExpires() {
		CachedToken token = CachedToken.of("t", ISSUED, ISSUED.plusSeconds(30), 0.75);
		assertThat(token.usableUntil()).isEqualTo(ISSUED.plusSeconds(27));
		assertThat(token.renewAt()).isEqualTo(ISSUED.plusMillis(22_500));
		assertThat(token.authorization()).isEqualTo("Bearer t");
	}

	@Test
	void aLongTokenStopsBeingServedFiveSecondsBeforeItExpires() {
		CachedToken token = CachedToken.of("t", ISSUED, ISSUED.plusSeconds(60), 0.5);
		assertThat(token.usableUntil()).isEqualTo(ISSUED.plusSeconds(55));
		assertThat(token.renewAt()).isEqualTo(ISSUED.plusSeconds(30));
	}

	@Test
	void aTokenIsServedUntilTheMillisecondBeforeItStopsBeingUsableAndRenewedFromItsRenewalPoint() {
		CachedToken token = CachedToken.of("t", ISSUED, ISSUED.plusSeconds(30), 0.75);
		long usableUntil = ISSUED.plusSeconds(27).toEpochMilli();
		long renewAt = ISSUED.plusMillis(22_500).toEpochMilli();
		assertThat(token.isUsableAt(usableUntil - 1)).isTrue();
		assertThat(token.isUsableAt(usableUntil)).isFalse();
		assertThat(token.isDueForRenewalAt(renewAt - 1)).isFalse();
		assertThat(token.isDueForRenewalAt(renewAt)).isTrue();
	}

	@Test
	void aForwardedTokenIsAlwaysUsableAndNeverDueForRenewal() {
		CachedToken token = CachedToken.forwarded("t");
		assertThat(token.isUsableAt(Long.MAX_VALUE - 1)).isTrue();
		assertThat(token.isDueForRenewalAt(Long.MAX_VALUE - 1)).isFalse();
		assertThat(token.authorization()).isEqualTo("Bearer t");
	}

	@Test
	void retryAfterInSeconds() {
		assertThat(RetryAfter.parse(" 120 ", CLOCK)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("999999999", CLOCK)).isEqualTo(Duration.ofSeconds(999_999_999));
	}

	@Test
	void retryAfterAsAnHttpDate() {
		assertThat(RetryAfter.parse("Tue, 01 Dec 2026 10:01:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterThatIsNoDelayIsIgnored() {
		assertThat(RetryAfter.parse(null, CLOCK)).isNull();
		assertThat(RetryAfter.parse(" ", CLOCK)).isNull();
		assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
		assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
		// Ten digits: more than 31 years, not a delay anyone means.
		assertThat(RetryAfter.parse("1000000000", CLOCK)).isNull();
	}

}
