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

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Signature algorithms a {@link FakeTokenIssuer} signs tokens with. Each algorithm has
 * its own key pair: RSA 2048 for {@code RS256} and {@code PS256}, P-256 for
 * {@code ES256}, Ed25519 for {@code EdDSA}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum SigningAlgorithm {

	/**
	 * RSASSA-PKCS1-v1_5 with SHA-256, the algorithm every identity provider offers.
	 */
	RS256(JWSAlgorithm.RS256),

	/**
	 * RSASSA-PSS with SHA-256.
	 */
	PS256(JWSAlgorithm.PS256),

	/**
	 * ECDSA on P-256 with SHA-256.
	 */
	ES256(JWSAlgorithm.ES256),

	/**
	 * EdDSA on Ed25519 ({@code alg: EdDSA}).
	 */
	EDDSA(JWSAlgorithm.EdDSA);

	private final JWSAlgorithm jwsAlgorithm;

	SigningAlgorithm(JWSAlgorithm jwsAlgorithm) {
		this.jwsAlgorithm = jwsAlgorithm;
	}

	JWSAlgorithm jwsAlgorithm() {
		return this.jwsAlgorithm;
	}

	/**
	 * Generates a key pair whose public part announces this algorithm, {@code use: sig}
	 * and a thumbprint {@code kid}.
	 */
	JWK generateKey() {
		JWKGenerator<? extends JWK> generator = switch (this) {
			case RS256, PS256 -> new RSAKeyGenerator(2048);
			case ES256 -> new ECKeyGenerator(Curve.P_256);
			case EDDSA -> new OctetKeyPairGenerator(Curve.Ed25519);
		};
		try {
			return generator.algorithm(this.jwsAlgorithm).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a " + this + " key", ex);
		}
	}

	JWSSigner signer(JWK key) {
		try {
			return switch (this) {
				case RS256, PS256 -> new RSASSASigner(key.toRSAKey());
				case ES256 -> new ECDSASigner(key.toECKey());
				case EDDSA -> new Ed25519Signer(key.toOctetKeyPair());
			};
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with " + this + " key " + key.getKeyID(), ex);
		}
	}

}
