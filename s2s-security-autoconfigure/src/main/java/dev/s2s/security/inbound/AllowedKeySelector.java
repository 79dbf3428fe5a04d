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

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Selects one issuer's verification keys for a token, if its algorithm is allowed. Unlike
 * Nimbus' {@code JWSVerificationKeySelector} it also hands out Ed25519 keys (as JDK
 * keys), which Nimbus cannot convert without Tink, and it hands out only keys fit to
 * verify (RFC 8725 section 3, RFC 7517 section 4): public keys meant for signatures
 * ({@code use: enc} and symmetric {@code oct} keys never match a signature algorithm),
 * RSA keys of at least 2048 bits, and EC keys on the curve of the token's algorithm. A
 * key published with private members is never used, and the key set is reported, once, as
 * misconfigured: the provider is leaking its signing key.
 *
 * @author s2s-security team
 */
final class AllowedKeySelector implements JWSKeySelector<SecurityContext> {

	static final int MIN_RSA_BITS = 2048;

	private static final Log logger = LogFactory.getLog(AllowedKeySelector.class);

	private final Set<JWSAlgorithm> algorithms;

	private final JWKSource<SecurityContext> keys;

	private final String issuer;

	private final AtomicBoolean privateKeysReported = new AtomicBoolean();

	/**
	 * Java keys of the JWKs the key source hands out. The source returns the same JWK
	 * instances until it refetches, so converting once per instance (weak, identity keys)
	 * saves a big-integer parse per token.
	 */
	private final Cache<JWK, Optional<Key>> converted = Caffeine.newBuilder().weakKeys().build();

	AllowedKeySelector(String issuer, Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
		this.issuer = issuer;
		this.algorithms = algorithms;
		this.keys = keys;
	}

	@Override
	public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
		if (!this.algorithms.contains(header.getAlgorithm())) {
			return List.of(); // Nimbus rejects the token as having no matching key
		}
		List<Key> selected = new ArrayList<>();
		for (JWK jwk : this.keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context)) {
			if (isPublic(jwk)) {
				Optional<Key> key = this.converted.get(jwk, AllowedKeySelector::toPublicKey);
				if (key.isPresent() && fitToVerify(jwk, key.get(), header.getAlgorithm())) {
					selected.add(key.get());
				}
			}
		}
		return selected;
	}

	private boolean isPublic(JWK jwk) {
		if (jwk.isPrivate()) {
			if (this.privateKeysReported.compareAndSet(false, true)) {
				logger.error("The JWK Set of the trusted issuer " + LogSanitizer.sanitize(this.issuer)
						+ " publishes private key material (key id " + LogSanitizer.sanitize(jwk.getKeyID())
						+ "): such keys are never used to verify tokens. Fix the identity provider's key set, "
						+ "and rotate the key: anyone could sign with it.");
			}
			return false;
		}
		return true;
	}

	/**
	 * Whether a key may verify the algorithm, judged on the converted key: the size of an
	 * RSA JWK would decode its modulus again on every token.
	 */
	private static boolean fitToVerify(JWK jwk, Key key, JWSAlgorithm algorithm) {
		if (key instanceof RSAPublicKey rsa) {
			return rsa.getModulus().bitLength() >= MIN_RSA_BITS;
		}
		if (jwk instanceof ECKey ec) {
			return Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve());
		}
		// Only Ed25519 keys are converted besides; a kind added there is refused until
		// checked here.
		return jwk instanceof OctetKeyPair;
	}

	private static Optional<Key> toPublicKey(JWK jwk) {
		try {
			if (jwk instanceof RSAKey rsa) {
				return Optional.of(rsa.toRSAPublicKey());
			}
			if (jwk instanceof ECKey ec) {
				return Optional.of(ec.toECPublicKey());
			}
			if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
				return Optional.of(Ed25519Keys.fromRaw(okp.getDecodedX()));
			}
		}
		catch (JOSEException | GeneralSecurityException ex) {
			// A malformed key in the set is skipped; the others may still verify.
		}
		return Optional.empty();
	}

}
