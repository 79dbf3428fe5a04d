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

import java.time.Duration;

/**
 * A way an endpoint of a {@link FakeTokenIssuer} misbehaves; see
 * {@link EndpointControl#fail(Fault)}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class Fault {

	/**
	 * The connection is closed without any response, as when the process behind it has
	 * gone.
	 */
	public static final Fault DOWN = new Fault(Kind.DOWN, Duration.ZERO);

	/**
	 * {@code 500 Internal Server Error} with a plain-text body.
	 */
	public static final Fault HTTP_500 = new Fault(Kind.HTTP_500, Duration.ZERO);

	/**
	 * {@code 200 OK}, {@code Content-Type: application/json}, and a body that is not JSON
	 * (an HTML error page, as proxies send).
	 */
	public static final Fault GARBAGE = new Fault(Kind.GARBAGE, Duration.ZERO);

	private final Kind kind;

	private final Duration delay;

	private Fault(Kind kind, Duration delay) {
		this.kind = kind;
		this.delay = delay;
	}

	/**
	 * The endpoint answers correctly, but only after the delay.
	 * @param delay how long to wait before answering
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		Args.notNull(delay, "delay");
		Args.isTrue(!delay.isNegative(), "delay cannot be negative");
		return new Fault(Kind.DELAY, delay);
	}

	Kind kind() {
		return this.kind;
	}

	Duration delay() {
		return this.delay;
	}

	@Override
	public String toString() {
		return (this.kind != Kind.DELAY) ? this.kind.name() : "DELAY " + this.delay;
	}

	enum Kind {

		DOWN, HTTP_500, GARBAGE, DELAY

	}

}
