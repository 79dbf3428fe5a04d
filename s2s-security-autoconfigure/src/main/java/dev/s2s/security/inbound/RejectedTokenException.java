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

	/** Whether the issuer's keys could not be had, rather than the token being bad. */
	private final boolean keysUnavailable;

	/** Whether the token names an issuer this service does not trust. */
	private final boolean untrustedIssuer;

	RejectedTokenException(String reason) {
		this(reason, false, false);
	}

	private RejectedTokenException(String reason, boolean keysUnavailable, boolean untrustedIssuer) {
		super(S2sJwtDecoder.INVALID);
		this.reason = reason;
		this.keysUnavailable = keysUnavailable;
		this.untrustedIssuer = untrustedIssuer;
	}

	static RejectedTokenException keysUnavailable(String reason) {
		return new RejectedTokenException(reason, true, false);
	}

	static RejectedTokenException untrustedIssuer() {
		return new RejectedTokenException("untrusted issuer", false, true);
	}

	/**
	 * The same refusal, to throw once more: a thrown exception is not shared.
	 */
	RejectedTokenException again() {
		return new RejectedTokenException(this.reason, this.keysUnavailable, this.untrustedIssuer);
	}

	/**
	 * No stack trace: a refusal is an answer to a caller, not a fault of this service,
	 * and its reason says why; filling in a stack trace on every refused request (an
	 * event loop's is deep) would cost more than the refusal.
	 * @return this exception
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	/**
	 * What failed, such as {@code untrusted issuer} or a validator's description; control
	 * characters removed.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Whether the token was refused because the issuer's keys could not be fetched (an
	 * identity-provider outage), not because anything is wrong with it.
	 * @return whether the keys were unavailable
	 */
	public boolean isKeysUnavailable() {
		return this.keysUnavailable;
	}

	/**
	 * Whether the token was refused because its {@code iss} names no trusted issuer.
	 * @return whether the issuer is untrusted
	 */
	public boolean isUntrustedIssuer() {
		return this.untrustedIssuer;
	}

}
