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

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only keys fit to verify the token's algorithm are handed to the verifier: what an
 * attacker would publish or a careless provider would leak is never used.
 */
class AllowedKeySelectorTests {

	private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

	@Test
	void rsaKeysHaveAtLeast2048Bits() throws Exception {
		assertThat(select(JWSAlgorithm.RS256, rsa(2048, "k"))).hasSize(1);
		assertThat(select(JWSAlgorithm.RS256, rsa(2047, "k"))).isEmpty();
		assertThat(select(JWSAlgorithm.RS256, rsa(1024, "k"))).isEmpty();
	}

	@Test
	void ecKeysAreOnTheCurveOfTheAlgorithm() throws Exception {
		assertThat(select(JWSAlgorithm.ES256, new ECKeyGenerator(Curve.P_256).keyID("k").generate().toPublicJWK()))
			.hasSize(1);
		// Nimbus' matcher looks at the key type, not the curve.
		assertThat(select(JWSAlgorithm.ES256, new ECKeyGenerator(Curve.P_384).keyID("k").generate().toPublicJWK()))
			.isEmpty();
		assertThat(select(JWSAlgorithm.ES256, new ECKeyGenerator(Curve.P_521).keyID("k").generate().toPublicJWK()))
			.isEmpty();
	}

	@Test
	void okpKeysAreEd25519() throws Exception {
		assertThat(select(JWSAlgorithm.EdDSA,
				new OctetKeyPairGenerator(Curve.Ed25519).keyID("k").generate().toPublicJWK()))
			.hasSize(1);
		assertThat(
				select(JWSAlgorithm.EdDSA, new OctetKeyPairGenerator(Curve.X25519).keyID("k").generate().toPublicJWK()))
			.isEmpty();
	}

	@Test
	void keysWithPrivateMembersAreNeverUsed() throws Exception {
		RSAKey leaked = new RSAKeyGenerator(2048).keyID("k").generate();
		assertThat(select(JWSAlgorithm.RS256, leaked)).isEmpty();
		ECKey leakedEc = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
		assertThat(select(JWSAlgorithm.ES256, leakedEc)).isEmpty();
		OctetKeyPair leakedOkp = new OctetKeyPairGenerator(Curve.Ed25519).keyID("k").generate();
		assertThat(select(JWSAlgorithm.EdDSA, leakedOkp)).isEmpty();
	}

	@Test
	void keysForEncryptionOrAnotherAlgorithmAreNotUsed() throws Exception {
		RSAKey encryption = new RSAKey.Builder(rsa(2048, "k")).keyUse(KeyUse.ENCRYPTION).build();
		assertThat(select(JWSAlgorithm.RS256, encryption)).isEmpty();
		RSAKey forPs256 = new RSAKey.Builder(rsa(2048, "k")).algorithm(JWSAlgorithm.PS256).build();
		assertThat(select(JWSAlgorithm.RS256, forPs256)).isEmpty();
	}

	@Test
	void algorithmsNotAllowedSelectNothing() throws Exception {
		RSAKey key = rsa(2048, "k");
		AllowedKeySelector selector = new AllowedKeySelector("https://idp.example", Set.of(JWSAlgorithm.ES256),
				new ImmutableJWKSet<>(new JWKSet(key)));
		assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), null))
			.isEmpty();
	}

	@Test
	void eachFitKeyWithTheKeyIdIsSelectedAndConvertedOnce() throws Exception {
		RSAKey first = rsa(2048, "k");
		RSAKey other = rsa(2048, "other");
		AllowedKeySelector selector = new AllowedKeySelector("https://idp.example", ALLOWED,
				new ImmutableJWKSet<>(new JWKSet(List.of(first, other))));
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build();
		assertThat(selector.selectJWSKeys(header, null)).singleElement()
			.isEqualTo(first.toRSAPublicKey())
			.isSameAs(selector.selectJWSKeys(header, null).get(0));
	}

	private static List<Key> select(JWSAlgorithm algorithm, JWK key) throws Exception {
		AllowedKeySelector selector = new AllowedKeySelector("https://idp.example", ALLOWED,
				new ImmutableJWKSet<>(new JWKSet(key)));
		return selector.selectJWSKeys(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), null);
	}

	private static RSAKey rsa(int bits, String keyId) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(bits);
		KeyPair pair = generator.generateKeyPair();
		return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(keyId).build();
	}

}
