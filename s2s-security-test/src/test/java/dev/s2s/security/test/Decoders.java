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

import java.io.IOException;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Spring Security's own decoders, pointed at a {@link FakeTokenIssuer}: what a resource
 * server would do with its tokens.
 */
final class Decoders {

	private Decoders() {
	}

	/**
	 * A strict RFC 9068 decoder: {@code typ: at+jwt}, issuer, audience, times.
	 */
	static JwtDecoder atJwt(FakeTokenIssuer issuer, String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUri().toString())
			.jwsAlgorithms((algorithms) -> algorithms
				.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256)))
			.validateType(false)
			.build();
		decoder.setJwtValidator(
				JwtValidators.createAtJwtValidator().issuer(issuer.issuerUri().toString()).audience(audience).build());
		return decoder;
	}

	/**
	 * A decoder for tokens of any {@code typ}: issuer, audience, times.
	 */
	static JwtDecoder anyType(FakeTokenIssuer issuer, String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUri().toString())
			.jwsAlgorithms((algorithms) -> algorithms
				.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256)))
			.validateType(false)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(issuer.issuerUri().toString()), new JwtAudienceValidator(audience)));
		return decoder;
	}

	/**
	 * Verifies an Ed25519 signature against the JWKS fetched over HTTP, which Spring's
	 * decoder builder cannot do on its own.
	 */
	static boolean verifyEd25519(FakeTokenIssuer issuer, String token)
			throws IOException, ParseException, JOSEException {
		JWSObject jws = JWSObject.parse(token);
		JWKSet jwks = JWKSet.parse(Http.get(issuer.jwksUri()).body());
		OctetKeyPair key = jwks.getKeyByKeyId(jws.getHeader().getKeyID()).toOctetKeyPair();
		return jws.verify(new Ed25519Verifier(key));
	}

}
