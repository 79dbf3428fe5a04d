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

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when no valid token can be had for a target. The message names the target and
 * the reason, never a token, a secret, the identity provider's URL or its response body.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public class ServiceTokenException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what failed, never a token or a secret
	 */
	public ServiceTokenException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what failed, never a token or a secret
	 * @param cause the cause, whose message must not reach a caller
	 */
	public ServiceTokenException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * This failure, as the failure of a target's token: the message names the target and
	 * the client that asked.
	 * @param target the target
	 * @param clientId the client id
	 * @return the failure
	 */
	ServiceTokenException forTarget(String target, String clientId) {
		String message = "No token for target '" + target + "' (client '" + clientId + "'): " + getMessage();
		return (this instanceof RetryLater retryLater) ? new RetryLater(message, retryLater.retryAfter)
				: new ServiceTokenException(message);
	}

	/**
	 * The token endpoint asked to come back later ({@code 429}, {@code 503}).
	 */
	static final class RetryLater extends ServiceTokenException {

		@Serial
		private static final long serialVersionUID = 1L;

		private final transient @Nullable Duration retryAfter;

		RetryLater(String message, @Nullable Duration retryAfter) {
			super(message);
			this.retryAfter = retryAfter;
		}

		/**
		 * How long the endpoint asked to wait.
		 * @return the wait, or {@code null} when it said nothing usable
		 */
		@Nullable Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
