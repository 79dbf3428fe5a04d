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

package dev.s2s.security.test;

import org.jspecify.annotations.Nullable;

/**
 * Makes one endpoint of a {@link FakeTokenIssuer} misbehave. Requests that meet a fault
 * are still logged.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class EndpointControl {

	private final Endpoint endpoint;

	private @Nullable Fault fault;

	/** How many more requests meet the fault; negative for "until recovered". */
	private int remaining;

	EndpointControl(Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Fails every request from now on, until {@link #recover()}.
	 * @param fault how to fail
	 * @return this control
	 */
	public EndpointControl fail(Fault fault) {
		return set(fault, -1);
	}

	/**
	 * Fails the next requests, then answers normally again; for retry tests.
	 * @param times how many requests fail
	 * @param fault how to fail
	 * @return this control
	 */
	public EndpointControl failNext(int times, Fault fault) {
		Args.isTrue(times > 0, "times must be positive");
		return set(fault, times);
	}

	/**
	 * Answers normally again.
	 * @return this control
	 */
	public synchronized EndpointControl recover() {
		this.fault = null;
		return this;
	}

	private synchronized EndpointControl set(Fault fault, int times) {
		this.fault = Args.notNull(fault, "fault");
		this.remaining = times;
		return this;
	}

	synchronized @Nullable Fault nextFault() {
		Fault next = this.fault;
		if (next != null && this.remaining > 0 && --this.remaining == 0) {
			this.fault = null;
		}
		return next;
	}

	@Override
	public synchronized String toString() {
		return this.endpoint + ": " + ((this.fault != null) ? this.fault : "healthy");
	}

}
