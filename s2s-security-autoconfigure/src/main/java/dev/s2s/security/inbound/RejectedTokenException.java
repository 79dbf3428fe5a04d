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

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A token {@link S2sJwtDecoder} refused. The message is the same for every refusal ("The
 * access token is invalid"), because it reaches the caller in {@code WWW-Authenticate};
 * {@link #getReason()} says what failed, for logs, events and tests. The reason never
 * contains the token; it names the check that failed (a time check names the time, an
 * application validator says what its description says).
 *
 * @author s2s-security team
 * @since 0.2.0
 */
public final class RejectedTokenException extends BadJwtException {

	private static final long serialVersionUID = 1L;

	/** The reason. */
	private final String reason;

	RejectedTokenException(String reason) {
		super(S2sJwtDecoder.INVALID);
		this.reason = reason;
	}

	/**
	 * What failed, such as {@code untrusted issuer} or a validator's description; control
	 * characters removed.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
