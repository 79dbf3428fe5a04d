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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The key-fetching settings refuse values that would fetch on every token or never.
 */
class JwksSettingsTests {

	@Test
	void keysLiveLongerThanTheRefreshInterval() {
		assertThat(settings(Duration.ofSeconds(31), Duration.ofSeconds(30), 1).cacheTimeToLive())
			.isEqualTo(Duration.ofSeconds(31));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(Duration.ofSeconds(30), Duration.ofSeconds(30), 1))
			.withMessage("cacheTimeToLive must be longer than minRefreshInterval");
	}

	@Test
	void theRefreshIntervalIsPositive() {
		assertThat(settings(Duration.ofMinutes(5), Duration.ofMillis(1), 1).minRefreshInterval())
			.isEqualTo(Duration.ofMillis(1));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofMinutes(5), Duration.ZERO, 1))
			.withMessage("minRefreshInterval must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(Duration.ofMinutes(5), Duration.ofSeconds(-1), 1))
			.withMessage("minRefreshInterval must be positive");
	}

	@Test
	void theResponseSizeLimitIsPositive() {
		assertThat(settings(Duration.ofMinutes(5), Duration.ofSeconds(30), 1).maxResponseSizeBytes()).isOne();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(Duration.ofMinutes(5), Duration.ofSeconds(30), 0))
			.withMessage("maxResponseSizeBytes must be positive");
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		assertThat(JwksSettings.defaults()).isEqualTo(new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
				Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 65536));
	}

	private static JwksSettings settings(Duration cacheTimeToLive, Duration minRefreshInterval, int maxResponseSize) {
		return new JwksSettings(cacheTimeToLive, minRefreshInterval, Duration.ofHours(1), Duration.ofSeconds(2),
				Duration.ofSeconds(2), maxResponseSize);
	}

}
