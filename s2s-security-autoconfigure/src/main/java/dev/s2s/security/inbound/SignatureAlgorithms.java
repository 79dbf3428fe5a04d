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

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;

/**
 * The signature algorithms s2s-security accepts: asymmetric ones only.
 *
 * <p>
 * {@code none} proves nothing and HMAC algorithms need a secret shared with every caller
 * (any of whom could then mint tokens for all the others), so neither can be enabled.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class SignatureAlgorithms {

	/**
	 * The algorithms accepted when none are configured.
	 */
	public static final Set<String> DEFAULTS = Set.of("RS256", "PS256", "ES256", "EdDSA");

	private SignatureAlgorithms() {
	}

	/**
	 * Parse algorithm names, refusing anything that is not asymmetric.
	 * @param names the names, e.g. {@code RS256}
	 * @return the algorithms
	 * @throws IllegalArgumentException naming the refused algorithm and what to use
	 * instead
	 */
	public static Set<JWSAlgorithm> parse(Collection<String> names) {
		Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : names) {
			algorithms.add(parse(name));
		}
		if (algorithms.isEmpty()) {
			throw new IllegalArgumentException("At least one algorithm is needed, e.g. " + DEFAULTS);
		}
		return Set.copyOf(algorithms);
	}

	private static JWSAlgorithm parse(String name) {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim());
		if (Algorithm.NONE.getName().equals(algorithm.getName())) {
			throw new IllegalArgumentException(
					"'none' means unsigned tokens and can never be accepted; use RS256, " + "PS256, ES256 or EdDSA");
		}
		if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new IllegalArgumentException(name + " is symmetric: every caller would hold the key that mints "
					+ "tokens; use RS256, PS256, ES256 or EdDSA");
		}
		if (!JWSAlgorithm.Family.RSA.contains(algorithm) && !JWSAlgorithm.Family.EC.contains(algorithm)
				&& !isEdDsa(algorithm)) {
			throw new IllegalArgumentException(
					"Unknown signature algorithm '" + name + "'; use RS256, PS256, " + "ES256 or EdDSA");
		}
		return algorithm;
	}

	static boolean isEdDsa(JWSAlgorithm algorithm) {
		return JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm);
	}

}
