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
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * How an issuer's key source is assembled from the settings.
 */
class IssuerKeysTests {

	@Test
	void fetchesOfAnyCauseAreAtLeastFiveSecondsApartOrTheRefreshIntervalWhenShorter() {
		assertThat(IssuerKeys.retryInterval(settings(Duration.ofMinutes(5), Duration.ofSeconds(30))))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(IssuerKeys.retryInterval(settings(Duration.ofMinutes(5), Duration.ofSeconds(5))))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(IssuerKeys.retryInterval(settings(Duration.ofMinutes(5), Duration.ofMillis(4999))))
			.isEqualTo(Duration.ofMillis(4999));
	}

	@Test
	void aShortTimeToLiveStillGivesAValidNimbusCache() {
		// Nimbus refuses a refresh timeout or refresh-ahead time that does not fit in the
		// time to live.
		assertThatNoException().isThrownBy(() -> IssuerKeys.of(TrustedIssuer.of("https://idp.example", "inventory"),
				settings(Duration.ofSeconds(2), Duration.ofSeconds(1)), new IssuerKeysStatus("https://idp.example"),
				Clock.systemUTC()));
	}

	private static JwksSettings settings(Duration cacheTimeToLive, Duration minRefreshInterval) {
		return new JwksSettings(cacheTimeToLive, minRefreshInterval, Duration.ofHours(1), Duration.ofSeconds(2),
				Duration.ofSeconds(2), 65536);
	}

}
