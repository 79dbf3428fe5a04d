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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import org.jspecify.annotations.Nullable;

/**
 * A client's DPoP key (RFC 9449), to bind tokens to
 * ({@link TokenBuilder#boundTo(DPoPKey)}) and to sign proofs with: {@link #proof} makes
 * the proof a well-behaved client sends (with Nimbus' {@link DefaultDPoPProofFactory}),
 * {@link #proofFor} one that a test can break in exactly one way.
 *
 * <pre>
 * DPoPKey key = DPoPKey.generate(SigningAlgorithm.ES256);
 * String token = issuer.serviceToken("order-service").audience("inventory-service").boundTo(key).sign();
 * request.header("Authorization", "DPoP " + token)
 * 	.header("DPoP", key.proof("GET", URI.create("http://127.0.0.1:8080/stock"), token));
 * </pre>
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class DPoPKey {

	private final SigningAlgorithm algorithm;

	private final JWK key;

	private final DefaultDPoPProofFactory proofs;

	private DPoPKey(SigningAlgorithm algorithm) {
		this.algorithm = algorithm;
		this.key = algorithm.generateKey();
		try {
			this.proofs = new DefaultDPoPProofFactory(this.key, algorithm.jwsAlgorithm());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign DPoP proofs with " + algorithm, ex);
		}
	}

	/**
	 * Generate a key.
	 * @param algorithm the algorithm its proofs are signed with
	 * @return a new key
	 */
	public static DPoPKey generate(SigningAlgorithm algorithm) {
		return new DPoPKey(Args.notNull(algorithm, "algorithm"));
	}

	/**
	 * The JWK SHA-256 thumbprint of the public key (RFC 7638), as in {@code cnf.jkt}.
	 * @return the thumbprint, base64url
	 */
	public String thumbprint() {
		try {
			return this.key.toPublicJWK().computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The public key, as the {@code jwk} header of proofs.
	 * @return the public JWK
	 */
	public JWK publicKey() {
		return this.key.toPublicJWK();
	}

	/**
	 * A fresh proof (new {@code jti}, {@code iat} now) for a request.
	 * @param method the request method
	 * @param uri the request URI (query and fragment are left out of {@code htu})
	 * @param accessToken the access token the request carries, hashed into {@code ath};
	 * {@code null} for a token request
	 * @return the proof, for the {@code DPoP} header
	 */
	public String proof(String method, URI uri, @Nullable String accessToken) {
		try {
			return this.proofs
				.createDPoPJWT(method, uri, (accessToken != null) ? new DPoPAccessToken(accessToken) : null)
				.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A proof to build and sign, for negative tests.
	 * @param method the request method, as {@code htm}
	 * @param uri the request URI, as {@code htu} (query and fragment left out)
	 * @return the builder
	 */
	public ProofBuilder proofFor(String method, URI uri) {
		return new ProofBuilder(method, uri);
	}

	/**
	 * A DPoP proof being built; every claim and header can be changed or left out.
	 */
	public final class ProofBuilder {

		private final Map<String, @Nullable Object> headers = new LinkedHashMap<>();

		private final Map<String, @Nullable Object> claims = new LinkedHashMap<>();

		private @Nullable DPoPKey signer;

		private ProofBuilder(String method, URI uri) {
			this.headers.put("typ", "dpop+jwt");
			this.headers.put("jwk", publicKey().toJSONObject());
			this.claims.put("jti", UUID.randomUUID().toString());
			this.claims.put("htm", method);
			this.claims.put("htu", withoutQuery(uri));
			this.claims.put("iat", Instant.now().getEpochSecond());
		}

		/**
		 * Adds {@code ath}, the hash of the access token.
		 * @param accessToken the token
		 * @return this builder
		 */
		public ProofBuilder accessToken(String accessToken) {
			return claim("ath", hash(accessToken));
		}

		/**
		 * Sets {@code iat}.
		 * @param issuedAt the instant
		 * @return this builder
		 */
		public ProofBuilder issuedAt(Instant issuedAt) {
			return claim("iat", issuedAt.getEpochSecond());
		}

		/**
		 * Sets {@code jti}.
		 * @param jti the id
		 * @return this builder
		 */
		public ProofBuilder jti(String jti) {
			return claim("jti", jti);
		}

		/**
		 * Sets a claim.
		 * @param name the claim
		 * @param value the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public ProofBuilder claim(String name, @Nullable Object value) {
			this.claims.put(Args.hasText(name, "name"), value);
			return this;
		}

		/**
		 * Sets a header parameter ({@code alg} is the key's).
		 * @param name the parameter, such as {@code typ} or {@code jwk}
		 * @param value the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public ProofBuilder header(String name, @Nullable Object value) {
			Args.isTrue(!"alg".equals(name), "alg follows the key");
			this.headers.put(Args.hasText(name, "name"), value);
			return this;
		}

		/**
		 * Signs with another key than the one in the {@code jwk} header.
		 * @param other the key that signs
		 * @return this builder
		 */
		public ProofBuilder signedBy(DPoPKey other) {
			this.signer = other;
			return this;
		}

		/**
		 * Signs the proof.
		 * @return the compact serialization
		 */
		public String sign() {
			DPoPKey signing = (this.signer != null) ? this.signer : DPoPKey.this;
			try {
				Map<String, Object> header = new LinkedHashMap<>();
				header.put("alg", signing.algorithm.jwsAlgorithm().getName());
				this.headers.forEach((name, value) -> {
					if (value != null) {
						header.put(name, value);
					}
				});
				JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
				this.claims.forEach((name, value) -> {
					if (value != null) {
						claims.claim(name, ("iat".equals(name) && value instanceof Long seconds)
								? Date.from(Instant.ofEpochSecond(seconds)) : value);
					}
				});
				SignedJWT jwt = new SignedJWT(JWSHeader.parse(header), claims.build());
				jwt.sign(signing.algorithm.signer(signing.key));
				return jwt.serialize();
			}
			catch (JOSEException | java.text.ParseException ex) {
				throw new IllegalStateException("Cannot sign the proof", ex);
			}
		}

	}

	private static String withoutQuery(URI uri) {
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()).toString();
	}

	/**
	 * The {@code ath} of an access token: base64url SHA-256 of its ASCII.
	 * @param accessToken the token
	 * @return the hash
	 */
	public static String hash(String accessToken) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
