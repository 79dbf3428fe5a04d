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

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;

/**
 * Nimbus' verifiers, plus Ed25519 through the JDK's own implementation: Nimbus' Ed25519
 * verifier needs Google Tink, which Spring Security does not bring. Also verifies the
 * signatures of DPoP proofs.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class JwsVerifiers implements JWSVerifierFactory {

	private final DefaultJWSVerifierFactory nimbus = new DefaultJWSVerifierFactory();

	/**
	 * Create a factory.
	 */
	public JwsVerifiers() {
	}

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, java.security.Key key) throws JOSEException {
		if (SignatureAlgorithms.isEdDsa(header.getAlgorithm())) {
			if (!(key instanceof PublicKey publicKey)
					|| !"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
				throw new JOSEException("An Ed25519 public key is required");
			}
			return new Ed25519Verifier(publicKey);
		}
		return this.nimbus.createJWSVerifier(header, key);
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return this.nimbus.supportedJWSAlgorithms();
	}

	@Override
	public JCAContext getJCAContext() {
		return this.nimbus.getJCAContext();
	}

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
