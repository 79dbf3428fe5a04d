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

package dev.s2s.security.test.assertj;

import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.TargetRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * Entry point for AssertJ assertions on s2s-security callers, and on what a
 * {@link RecordingTarget} received.
 *
 * <pre class="code">
 * assertThat(SecurityContextHolder.getContext().getAuthentication())
 *     .isService("order-service")
 *     .hasScope("inventory.read");
 * assertThat(caller).isDelegated("alice").actingService("gateway");
 * assertThat(inventory).receivedOne()
 *     .hasPath("/stock/1")
 *     .bearerToken()
 *     .hasAudience("inventory-service")
 *     .isSignedBy(issuer);
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sAssertions {

	private S2sAssertions() {
	}

	/**
	 * Assertions on an authentication, normally one of s2s-security's callers.
	 * @param actual the authentication
	 * @return the assertions
	 */
	public static CallerAssert assertThat(@Nullable Authentication actual) {
		return new CallerAssert(actual);
	}

	/**
	 * Assertions on the requests a recording target received.
	 * @param actual the target
	 * @return the assertions
	 */
	public static RecordingTargetAssert assertThat(@Nullable RecordingTarget actual) {
		return new RecordingTargetAssert(actual);
	}

	/**
	 * Assertions on one request a recording target received.
	 * @param actual the request
	 * @return the assertions
	 */
	public static TargetRequestAssert assertThat(@Nullable TargetRequest actual) {
		return new TargetRequestAssert(actual);
	}

	/**
	 * Assertions on a bearer token (a signed JWT), for example one from
	 * {@code ServiceTokens.getToken(target)}. Named apart from {@code assertThat}, which
	 * AssertJ already has for strings.
	 * @param token the token
	 * @return the assertions
	 */
	public static BearerTokenAssert assertThatBearerToken(@Nullable String token) {
		return new BearerTokenAssert(token);
	}

}
