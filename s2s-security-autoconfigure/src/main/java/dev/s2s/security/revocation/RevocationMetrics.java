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

/**
 * What the revocation check reports, for metrics. The auto-configuration records it with
 * Micrometer as {@code s2s.security.inbound.revocation.*} when Micrometer is present.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public interface RevocationMetrics {

	/** Reports nothing. */
	RevocationMetrics NONE = new RevocationMetrics() {
	};

	/**
	 * A token was looked up.
	 * @param outcome {@code accepted}, {@code revoked}, {@code failed-open} or
	 * {@code failed-closed}
	 * @param latency how long the lookup took
	 */
	default void checked(String outcome, Duration latency) {
	}

	/**
	 * A revocation was stored.
	 * @param kind what was revoked
	 */
	default void revoked(RevocationKey.Kind kind) {
	}

}
