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
package dev.s2s.security.dpop;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.s2s.security.inbound.JwsVerifiers;

import org.springframework.cache.Cache;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.DPoPProofContext;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtIssuedAtValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;

/**
 * Verifies DPoP proofs as Spring Security's {@link DPoPProofJwtDecoderFactory} does, and
 * with its own claim validators ({@code htm}, {@code htu}, {@code iat}, {@code ath},
 * {@code cnf.jkt} against the thumbprint of the proof's key, single use of {@code jti}),
 * with three differences: EdDSA (Ed25519) proofs are verified too, through the JDK (as
 * for tokens); only the configured asymmetric algorithms are accepted; and the
 * {@code iat} window and the replay cache are s2s-security's (the window configured, the
 * cache shared by every instance when it is Redis).
 *
 * <p>
 * The proof must have {@code typ: dpop+jwt} and a public {@code jwk} header matching its
 * algorithm's key type; a private key in the header, a symmetric algorithm or
 * {@code none} is refused, and so are RSA keys under 2048 bits and EC keys on another
 * curve than the algorithm's.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class DPoPProofDecoderFactory implements JwtDecoderFactory<DPoPProofContext> {

	/** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
	private static final byte[] ED25519_SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
			0x21, 0x00 };

	/** As for the keys of trusted issuers. */
	private static final int MIN_RSA_BITS = 2048;

	private final Set<JWSAlgorithm> algorithms;

	private final Function<DPoPProofContext, OAuth2TokenValidator<Jwt>> validators;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	/**
	 * Create a factory.
	 * @param algorithms the accepted proof algorithms, asymmetric only (see
	 * {@link dev.s2s.security.inbound.SignatureAlgorithms#parse})
	 * @param window how far a proof's {@code iat} may be from now, either way; a proof is
	 * remembered as used for as long
	 * @param replayCache where used proofs are remembered
	 */
	public DPoPProofDecoderFactory(Set<JWSAlgorithm> algorithms, Duration window, Cache replayCache) {
		Assert.notEmpty(algorithms, "algorithms cannot be empty");
		Assert.isTrue(window != null && window.toMillis() > 0, "window must be positive");
		Assert.notNull(replayCache, "replayCache cannot be null");
		this.algorithms = Set.copyOf(algorithms);
		JwtIssuedAtValidator issuedAt = new JwtIssuedAtValidator(true);
		issuedAt.setClockSkew(window);
		DPoPProofReplayValidator replay = new DPoPProofReplayValidator(replayCache);
		replay.setClockSkew(window);
		this.validators = DPoPProofJwtDecoderFactory.createDefaultJwtValidatorFactory(List.of(issuedAt, replay));
		this.processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("dpop+jwt")));
		this.processor.setJWSKeySelector(keySelector(this.algorithms));
		this.processor.setJWSVerifierFactory(new JwsVerifiers());
		// Claims are checked by the validators, as in Spring Security's factory.
		this.processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
	}

	/**
	 * The accepted algorithms, for the {@code algs} of a {@code DPoP} challenge.
	 * @return the algorithms
	 */
	public Set<JWSAlgorithm> getAlgorithms() {
		return this.algorithms;
	}

	@Override
	public JwtDecoder createDecoder(DPoPProofContext context) {
		Assert.notNull(context, "context cannot be null");
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(this.processor);
		decoder.setJwtValidator(this.validators.apply(context));
		return decoder;
	}

	private static JWSKeySelector<SecurityContext> keySelector(Set<JWSAlgorithm> algorithms) {
		return (header, context) -> {
			JWSAlgorithm algorithm = header.getAlgorithm();
			if (!algorithms.contains(algorithm)) {
				throw new BadJwtException("Unsupported alg parameter in JWS Header: " + algorithm.getName());
			}
			JWK jwk = header.getJWK();
			if (jwk == null) {
				throw new BadJwtException("Missing jwk parameter in JWS Header.");
			}
			if (jwk.isPrivate()) {
				throw new BadJwtException("Invalid jwk parameter in JWS Header.");
			}
			return List.of(publicKey(algorithm, jwk));
		};
	}

	private static Key publicKey(JWSAlgorithm algorithm, JWK jwk) {
		try {
			if (JWSAlgorithm.Family.RSA.contains(algorithm) && jwk instanceof RSAKey rsa
					&& rsa.size() >= MIN_RSA_BITS) {
				return rsa.toRSAPublicKey();
			}
			if (JWSAlgorithm.Family.EC.contains(algorithm) && jwk instanceof ECKey ec
					&& Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve())) {
				return ec.toECPublicKey();
			}
			if (isEdDsa(algorithm) && jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
				byte[] raw = okp.getDecodedX();
				byte[] encoded = new byte[ED25519_SPKI_PREFIX.length + raw.length];
				System.arraycopy(ED25519_SPKI_PREFIX, 0, encoded, 0, ED25519_SPKI_PREFIX.length);
				System.arraycopy(raw, 0, encoded, ED25519_SPKI_PREFIX.length, raw.length);
				return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
			}
		}
		catch (JOSEException | GeneralSecurityException | RuntimeException ex) {
			throw new BadJwtException("Invalid jwk parameter in JWS Header.");
		}
		throw new BadJwtException("Invalid alg / jwk parameter in JWS Header: alg=" + algorithm.getName() + ", jwk.kty="
				+ jwk.getKeyType().getValue());
	}

	private static boolean isEdDsa(JWSAlgorithm algorithm) {
		return JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm);
	}

}
