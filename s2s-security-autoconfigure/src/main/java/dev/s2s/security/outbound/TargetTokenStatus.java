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

import java.time.Instant;

import dev.s2s.security.CredentialState;
import org.jspecify.annotations.Nullable;

/**
 * What was last observed of the tokens of an outbound target: when one was last fetched,
 * until when it is usable, and the last failure. It is updated as tokens are fetched and
 * never fetches anything itself, so that health checks and the Actuator endpoint cost no
 * network call. Never holds a token.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class TargetTokenStatus {

	private final String target;

	private volatile @Nullable Instant lastFetch;

	private volatile @Nullable Instant usableUntil;

	private volatile @Nullable Instant lastFailure;

	private volatile @Nullable String lastFailureMessage;

	TargetTokenStatus(String target) {
		this.target = target;
	}

	void fetched(CachedToken token, Instant at) {
		this.usableUntil = token.usableUntil();
		this.lastFetch = at;
	}

	void failed(String message, Instant at) {
		this.lastFailureMessage = message;
		this.lastFailure = at;
	}

	/**
	 * The target.
	 * @return its name
	 */
	public String getTarget() {
		return this.target;
	}

	/**
	 * When a token was last fetched successfully.
	 * @return the time, or {@code null} if never
	 */
	public @Nullable Instant getLastFetch() {
		return this.lastFetch;
	}

	/**
	 * Until when the token last fetched is sent.
	 * @return the time, or {@code null} before the first fetch
	 */
	public @Nullable Instant getTokenUsableUntil() {
		return this.usableUntil;
	}

	/**
	 * When a token request last failed.
	 * @return the time, or {@code null} if never
	 */
	public @Nullable Instant getLastFailure() {
		return this.lastFailure;
	}

	/**
	 * What the last failure was, such as {@code the token endpoint did not answer in
	 * time}; never a secret or a token.
	 * @return the message, or {@code null} if nothing failed
	 */
	public @Nullable String getLastFailureMessage() {
		return this.lastFailureMessage;
	}

	/**
	 * The state of the target's tokens at a given time, from what was last observed.
	 * @param now the time
	 * @return the state
	 */
	public CredentialState getState(Instant now) {
		Instant fetch = this.lastFetch;
		Instant failure = this.lastFailure;
		Instant until = this.usableUntil;
		if (failure != null && (fetch == null || failure.isAfter(fetch))) {
			return (until != null && now.isBefore(until)) ? CredentialState.DEGRADED : CredentialState.DOWN;
		}
		return (fetch != null) ? CredentialState.UP : CredentialState.NOT_FETCHED;
	}

	@Override
	public String toString() {
		return "TargetTokenStatus[" + this.target + ", lastFetch=" + this.lastFetch + ", usableUntil="
				+ this.usableUntil + ", lastFailure=" + this.lastFailure + "]";
	}

}
