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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogRateLimiter}, on a clock of its own.
 *
 * @author s2s-security team
 */
class LogRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000);

	@Test
	void tryAcquireWhenLimitReachedThenHoldsBackUntilTheNextMinuteAndCountsWhatItHeldBack() {
		LogRateLimiter limiter = new LogRateLimiter(2, this.now::get);
		assertThat(limiter.tryAcquire()).isZero();
		assertThat(limiter.tryAcquire()).isZero();
		for (int i = 0; i < 1000; i++) {
			assertThat(limiter.tryAcquire()).isEqualTo(-1);
		}
		this.now.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(limiter.tryAcquire()).isEqualTo(-1);
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(limiter.tryAcquire()).isEqualTo(1001);
		assertThat(limiter.tryAcquire()).isZero();
		assertThat(limiter.tryAcquire()).isEqualTo(-1);
	}

	@Test
	void tryAcquireWhenZeroLinesPerMinuteThenNeverLetsALineThrough() {
		LogRateLimiter limiter = new LogRateLimiter(0, this.now::get);
		assertThat(limiter).hasToString("LogRateLimiter[0 lines per minute]");
		assertThat(limiter.tryAcquire()).isEqualTo(-1);
		this.now.addAndGet(Duration.ofMinutes(5).toNanos());
		assertThat(limiter.tryAcquire()).isEqualTo(-1);
	}

	@Test
	void suppressedNoteSaysHowManyLinesWereLeftOut() {
		assertThat(LogRateLimiter.suppressedNote(0)).isEmpty();
		assertThat(LogRateLimiter.suppressedNote(12)).isEqualTo(" (12 similar line(s) suppressed before this one)");
	}

}
