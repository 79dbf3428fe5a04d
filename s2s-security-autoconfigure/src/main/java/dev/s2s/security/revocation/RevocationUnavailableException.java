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
package dev.s2s.security.revocation;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;
import org.springframework.util.Assert;

/**
 * Whether a token is revoked cannot be told now, and the fail mode is
 * {@link RevocationFailMode#CLOSED closed}: the request is answered {@code 503} with
 * {@code Retry-After}, not {@code 401} (the token may be fine) and not {@code 500}.
 *
 * <p>
 * It is an {@link AuthenticationException} but not an
 * {@code AuthenticationServiceException}, so that Spring Security hands it to the
 * authentication entry point (which s2s-security decorates to answer 503) instead of
 * rethrowing it as a server error.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class RevocationUnavailableException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	/** When to try again. */
	private final Duration retryAfter;

	/**
	 * Create an exception.
	 * @param retryAfter when the caller should try again
	 * @param cause the store's failure
	 */
	public RevocationUnavailableException(Duration retryAfter, Throwable cause) {
		super("Revocation status unavailable", cause);
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
