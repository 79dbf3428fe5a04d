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

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ed25519 signatures, verified the same through Tink and through the JDK.
 */
class JwsVerifiersTests {

	private static final byte[] SIGNING_INPUT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJvcmRlcnMifQ"
		.getBytes(StandardCharsets.US_ASCII);

	private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.EdDSA);

	@ParameterizedTest(name = "tink={0}")
	@ValueSource(booleans = { true, false })
	void verifiesASignatureOfTheKeyAndNoOther(boolean tink) throws Exception {
		KeyPair key = ed25519();
		JWSVerifier verifier = new JwsVerifiers(tink).createJWSVerifier(HEADER, key.getPublic());
		byte[] signature = sign(key, SIGNING_INPUT);
		assertThat(verifier.verify(HEADER, SIGNING_INPUT, Base64URL.encode(signature))).isTrue();
		byte[] altered = signature.clone();
		altered[10] ^= 1;
		assertThat(verifier.verify(HEADER, SIGNING_INPUT, Base64URL.encode(altered))).isFalse();
		assertThat(verifier.verify(HEADER, "other".getBytes(StandardCharsets.US_ASCII), Base64URL.encode(signature)))
			.isFalse();
		assertThat(verifier.verify(HEADER, SIGNING_INPUT, Base64URL.encode(sign(ed25519(), SIGNING_INPUT)))).isFalse();
		assertThat(verifier.verify(HEADER, SIGNING_INPUT, Base64URL.encode(new byte[3]))).isFalse();
	}

	@ParameterizedTest(name = "tink={0}")
	@ValueSource(booleans = { true, false })
	void refusesACriticalExtensionItDoesNotUnderstand(boolean tink) throws Exception {
		KeyPair key = ed25519();
		JWSHeader critical = new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(java.util.Set.of("urn:x"))
			.customParam("urn:x", "y")
			.build();
		JWSVerifier verifier = new JwsVerifiers(tink).createJWSVerifier(critical, key.getPublic());
		assertThat(verifier.verify(critical, SIGNING_INPUT, Base64URL.encode(sign(key, SIGNING_INPUT)))).isFalse();
	}

	@ParameterizedTest(name = "tink={0}")
	@ValueSource(booleans = { true, false })
	void refusesAKeyOfAnotherKindForEdDsa(boolean tink) throws Exception {
		KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> new JwsVerifiers(tink).createJWSVerifier(HEADER, rsa.getPublic()))
			.withMessage("An Ed25519 public key is required");
		KeyPair x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair();
		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> new JwsVerifiers(tink).createJWSVerifier(HEADER, x25519.getPublic()))
			.withMessage("An Ed25519 public key is required");
	}

	@ParameterizedTest(name = "tink={0}")
	@ValueSource(booleans = { true, false })
	void verifiesTheOldAlgorithmNameToo(boolean tink) throws Exception {
		KeyPair key = ed25519();
		JWSHeader ed25519 = new JWSHeader(JWSAlgorithm.Ed25519);
		JWSVerifier verifier = new JwsVerifiers(tink).createJWSVerifier(ed25519, key.getPublic());
		assertThat(verifier.verify(ed25519, SIGNING_INPUT, Base64URL.encode(sign(key, SIGNING_INPUT)))).isTrue();
		assertThat(verifier.supportedJWSAlgorithms()).containsAll(List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519));
	}

	@Test
	void withTinkPresentTinkVerifiesAndEachKeysVerifierIsBuiltOnce() throws Exception {
		KeyPair key = ed25519();
		JwsVerifiers verifiers = new JwsVerifiers(true);
		JWSVerifier verifier = verifiers.createJWSVerifier(HEADER, key.getPublic());
		// Nimbus' own Ed25519 verifier is the one backed by Tink.
		assertThat(verifier).isInstanceOf(com.nimbusds.jose.crypto.Ed25519Verifier.class);
		assertThat(verifiers.createJWSVerifier(HEADER, key.getPublic())).isSameAs(verifier);
		assertThat(verifiers.createJWSVerifier(HEADER, ed25519().getPublic())).isNotSameAs(verifier);
		assertThat(new JwsVerifiers(false).createJWSVerifier(HEADER, key.getPublic()))
			.isNotInstanceOf(com.nimbusds.jose.crypto.Ed25519Verifier.class);
	}

	@Test
	void supportsNimbusAlgorithmsAndEdDsa() {
		assertThat(new JwsVerifiers().supportedJWSAlgorithms()).contains(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
				JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
	}

	private static KeyPair ed25519() throws Exception {
		return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
	}

	private static byte[] sign(KeyPair key, byte[] input) throws Exception {
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(key.getPrivate());
		signer.update(input);
		return signer.sign();
	}

}
