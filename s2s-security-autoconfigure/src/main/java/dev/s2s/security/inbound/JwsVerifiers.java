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
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;

import org.springframework.util.ClassUtils;

/**
 * Nimbus' verifiers, Ed25519 included: through Nimbus' own verifier when Google Tink is
 * on the class path (Nimbus' optional dependency, which Spring Security does not bring;
 * three times as fast), else through the JDK's implementation. Also verifies the
 * signatures of DPoP proofs.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class JwsVerifiers implements JWSVerifierFactory {

	private static final boolean TINK_PRESENT = ClassUtils.isPresent("com.google.crypto.tink.subtle.Ed25519Verify",
			JwsVerifiers.class.getClassLoader());

	private final DefaultJWSVerifierFactory nimbus = new DefaultJWSVerifierFactory();

	/** Nimbus' factory leaves Ed25519 out: its verifier needs Tink. */
	private final Set<JWSAlgorithm> algorithms = Stream
		.concat(this.nimbus.supportedJWSAlgorithms().stream(), Stream.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519))
		.collect(Collectors.toUnmodifiableSet());

	private final boolean tink;

	/** Nimbus' Tink-backed verifiers, per key: the selector hands out the same keys. */
	private final Cache<PublicKey, JWSVerifier> tinkVerifiers = Caffeine.newBuilder().weakKeys().build();

	/**
	 * Create a factory.
	 */
	public JwsVerifiers() {
		this(TINK_PRESENT);
	}

	JwsVerifiers(boolean tink) {
		this.tink = tink;
	}

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, java.security.Key key) throws JOSEException {
		if (SignatureAlgorithms.isEdDsa(header.getAlgorithm())) {
			if (!(key instanceof PublicKey publicKey)
					|| !"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
				throw new JOSEException("An Ed25519 public key is required");
			}
			if (!this.tink) {
				return new Ed25519Verifier(publicKey);
			}
			JWSVerifier verifier = this.tinkVerifiers.getIfPresent(publicKey);
			if (verifier == null) {
				verifier = TinkEd25519.verifier(publicKey);
				this.tinkVerifiers.put(publicKey, verifier);
			}
			return verifier;
		}
		return this.nimbus.createJWSVerifier(header, key);
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return this.algorithms;
	}

	@Override
	public JCAContext getJCAContext() {
		return this.nimbus.getJCAContext();
	}

	/** Apart, so that without Tink nothing loads Nimbus' verifier, which links to it. */
	private static final class TinkEd25519 {

		static JWSVerifier verifier(PublicKey key) throws JOSEException {
			byte[] raw = Ed25519Keys.raw(key);
			if (raw == null) {
				throw new JOSEException("An Ed25519 public key is required");
			}
			return new com.nimbusds.jose.crypto.Ed25519Verifier(
					new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).build());
		}

	}

	/** The JDK's Ed25519, without Tink. */
	private static final class Ed25519Verifier implements JWSVerifier {

		private final PublicKey key;

		private final JCAContext context = new JCAContext();

		Ed25519Verifier(PublicKey key) {
			this.key = key;
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
			if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
				return false; // no critical extension is understood here
			}
			try {
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(this.key);
				verifier.update(signingInput);
				return verifier.verify(signature.decode());
			}
			catch (SignatureException ex) {
				return false;
			}
			catch (InvalidKeyException ex) {
				throw new JOSEException("Invalid Ed25519 key", ex);
			}
			catch (GeneralSecurityException ex) {
				throw new JOSEException("Ed25519 is not available in this JDK", ex);
			}
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
		}

		@Override
		public JCAContext getJCAContext() {
			return this.context;
		}

	}

}
