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
import java.util.function.LongSupplier;

import org.springframework.util.Assert;

/**
 * Lets at most a number of log lines through per minute, so that a flood of bad requests
 * cannot fill the disk. The lines it holds back are counted, and the first line let
 * through in a later minute says how many there were ({@link #suppressedNote(long)}).
 * <p>
 * The minute is a fixed window that opens with the first line after the previous one
 * closed; the limiter takes no lock.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class LogRateLimiter {

	private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

	private final int linesPerMinute;

	private final LongSupplier nanoTime;

	private final AtomicLong windowStart;

	private final AtomicLong linesInWindow = new AtomicLong();

	private final AtomicLong suppressed = new AtomicLong();

	/**
	 * Create a limiter.
	 * @param linesPerMinute the lines let through per minute; 0 lets none through
	 */
	public LogRateLimiter(int linesPerMinute) {
		this(linesPerMinute, System::nanoTime);
	}

	/**
	 * Create a limiter with its own clock (for tests).
	 * @param linesPerMinute the lines let through per minute; 0 lets none through
	 * @param nanoTime the clock, as {@link System#nanoTime()}
	 */
	public LogRateLimiter(int linesPerMinute, LongSupplier nanoTime) {
		Assert.isTrue(linesPerMinute >= 0, "linesPerMinute must not be negative");
		Assert.notNull(nanoTime, "nanoTime cannot be null");
		this.linesPerMinute = linesPerMinute;
		this.nanoTime = nanoTime;
		this.windowStart = new AtomicLong(nanoTime.getAsLong());
	}

	/**
	 * Ask to log one line.
	 * @return the number of lines held back since the last line let through (0 or more)
	 * when this line may be logged, or {@code -1} when it must not
	 */
	public long tryAcquire() {
		long now = this.nanoTime.getAsLong();
		long start = this.windowStart.get();
		if (now - start >= WINDOW_NANOS && this.windowStart.compareAndSet(start, now)) {
			this.linesInWindow.set(0);
		}
		if (this.linesInWindow.incrementAndGet() > this.linesPerMinute) {
			this.suppressed.incrementAndGet();
			return -1;
		}
		return this.suppressed.getAndSet(0);
	}

	/**
	 * The note to append to a line let through after others were held back.
	 * @param suppressed what {@link #tryAcquire()} returned
	 * @return the note, empty when nothing was held back
	 */
	public static String suppressedNote(long suppressed) {
		return (suppressed > 0) ? " (" + suppressed + " similar line(s) suppressed before this one)" : "";
	}

	@Override
	public String toString() {
		return "LogRateLimiter[" + this.linesPerMinute + " lines per minute]";
	}

}
