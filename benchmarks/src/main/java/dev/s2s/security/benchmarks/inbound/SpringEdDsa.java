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

package dev.s2s.security.benchmarks.inbound;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Spring Security's {@link NimbusJwtDecoder} made to verify EdDSA, as an application
 * would: Nimbus' default key selection cannot hand out Ed25519 keys, so the selector
 * passes the JWK on, and the verifier factory gives Nimbus' Tink-backed
 * {@link Ed25519Verifier}, made per token as Nimbus' own factory makes its verifiers.
 *
 * @author s2s-security team
 */
final class SpringEdDsa {

	private SpringEdDsa() {
	}

	static NimbusJwtDecoder decoder(String jwksUri) {
		JWKSource<SecurityContext> keys;
		try {
			keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException(ex);
		}
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector((header, context) -> {
			List<JWK> selected = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context);
			return selected.stream().map((jwk) -> (Key) new JwkKey(jwk.toOctetKeyPair())).toList();
		});
		processor.setJWSVerifierFactory(new Verifiers());
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(JwtValidators.createDefault());
		return decoder;
	}

	private static final class Verifiers implements JWSVerifierFactory {

		private final JCAContext context = new JCAContext();

		@Override
		public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
			return new Ed25519Verifier(((JwkKey) key).jwk);
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

	/** A JWK passed through Nimbus' {@code Key}-typed selection. */
	private record JwkKey(OctetKeyPair jwk) implements Key {

		@Override
		public String getAlgorithm() {
			return "EdDSA";
		}

		@Override
		public String getFormat() {
			return "JWK";
		}

		@Override
		public byte[] getEncoded() {
			return this.jwk.getDecodedX();
		}

	}

}
