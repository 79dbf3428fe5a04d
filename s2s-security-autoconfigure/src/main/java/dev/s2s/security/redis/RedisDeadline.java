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

package dev.s2s.security.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Waits for Redis commands, each at most for a timeout, and after a failure skips them
 * for a second: while Redis is down, requests are answered at once instead of each
 * waiting for its own timeout.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class RedisDeadline {

	private static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Duration timeout;

	private final AtomicLong failedAt = new AtomicLong(System.nanoTime() - PAUSE_NANOS);

	private volatile boolean failing;

	/**
	 * Create a deadline.
	 * @param timeout how long a command may take, at least 1 ms
	 */
	public RedisDeadline(Duration timeout) {
		Assert.isTrue(timeout != null && timeout.toMillis() > 0, "timeout must be at least 1ms");
		this.timeout = timeout;
	}

	/**
	 * Send a command and wait for its reply.
	 * @param <T> the type of the reply
	 * @param command sends the command
	 * @param what what the command does, for the message of a failure ("write")
	 * @return the reply
	 * @throws RedisUnavailableException when Redis failed, did not answer in time, or
	 * failed less than a second ago
	 */
	public <T> @Nullable T await(Supplier<CompletableFuture<T>> command, String what) {
		if (this.failing && System.nanoTime() - this.failedAt.get() < PAUSE_NANOS) {
			throw new RedisUnavailableException("Redis " + what + " skipped: Redis failed less than 1s ago", null);
		}
		CompletableFuture<T> reply = command.get();
		try {
			T value = reply.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			this.failing = false;
			return value;
		}
		catch (TimeoutException ex) {
			reply.cancel(true);
			throw fail(what, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw fail(what, ex);
		}
		catch (ExecutionException ex) {
			throw fail(what, (ex.getCause() != null) ? ex.getCause() : ex);
		}
	}

	/**
	 * Record a failure found in a reply.
	 * @param what what the command does
	 * @param cause what was wrong
	 * @return the exception to throw
	 */
	public RedisUnavailableException fail(String what, Throwable cause) {
		this.failedAt.set(System.nanoTime());
		this.failing = true;
		return new RedisUnavailableException("Redis " + what + " failed (" + cause.getClass().getSimpleName() + ")",
				cause);
	}

}
