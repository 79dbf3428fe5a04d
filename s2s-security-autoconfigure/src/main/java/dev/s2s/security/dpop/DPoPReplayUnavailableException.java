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
package dev.s2s.security.dpop;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;
import org.springframework.util.Assert;

/**
 * A DPoP proof could not be checked for replay: the replay cache failed, passed its
 * deadline or is full. Answered {@code 503 Service Unavailable} with {@code Retry-After}:
 * the proof may be fine, and accepting it unchecked would let a replayed proof through.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class DPoPReplayUnavailableException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	/** When to try again. */
	private final Duration retryAfter;

	/**
	 * Create an exception.
	 * @param retryAfter when the caller should try again
	 * @param cause the cache's failure
	 */
	public DPoPReplayUnavailableException(Duration retryAfter, Throwable cause) {
		super("DPoP replay check unavailable", cause);
		Assert.notNull(retryAfter, "retryAfter cannot be null");
		this.retryAfter = retryAfter;
	}

	/**
	 * When the caller should try again, sent as {@code Retry-After}.
	 * @return the delay
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * The {@code Retry-After} header value: whole seconds, at least 1.
	 * @return the value
	 */
	public String retryAfterHeader() {
		return Long.toString(Math.max(1, (this.retryAfter.toMillis() + 999) / 1000));
	}

}
