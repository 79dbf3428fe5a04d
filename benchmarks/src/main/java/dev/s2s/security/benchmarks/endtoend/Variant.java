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
package dev.s2s.security.benchmarks.endtoend;

/**
 * What protects the endpoint in one server of the end-to-end benchmark.
 *
 * @author s2s-security team
 */
enum Variant {

	/** No Spring Security at all: the reference, not the baseline. */
	UNPROTECTED("unprotected (reference)", false, false),

	/**
	 * The fair baseline: Spring Security's bearer-token chain whose decoder accepts any
	 * token without looking at it (every bearer header authenticates).
	 */
	TRIVIAL("Spring Security, trivial auth", true, false),

	/**
	 * s2s-security's chain with a decoder bean of the application's that accepts every
	 * token without verifying it, as a service token of one caller: what s2s-security
	 * costs besides verifying tokens (not run by default).
	 */
	S2S_TRIVIAL("s2s-security chain, trivial auth", true, false),

	/** s2s-security's auto-configuration, as an application gets it from the starter. */
	S2S("s2s-security", true, true),

	/**
	 * Spring Security's stock resource server: {@code oauth2ResourceServer().jwt()} with
	 * a {@code NimbusJwtDecoder} on the same JWKS, issuer and audience validators.
	 */
	SPRING("Spring resource server", true, true);

	private final String label;

	private final boolean authenticates;

	private final boolean verifies;

	Variant(String label, boolean authenticates, boolean verifies) {
		this.label = label;
		this.authenticates = authenticates;
		this.verifies = verifies;
	}

	String label() {
		return this.label;
	}

	/**
	 * Whether a request without a token is refused.
	 * @return {@code true} when a token is required
	 */
	boolean authenticates() {
		return this.authenticates;
	}

	/**
	 * Whether a token that is not valid (bad signature, expired, another audience) is
	 * refused.
	 * @return {@code true} when tokens are verified
	 */
	boolean verifies() {
		return this.verifies;
	}

}
