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

package dev.s2s.security.test.assertj;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a token against a JWK set fetched over HTTP, as a resource server would.
 *
 * @author s2s-security team
 */
final class Jwks {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Jwks() {
	}

	/**
	 * Why the token does not verify, or {@code null} when it does.
	 */
	static @Nullable String verify(JWSObject token, URI jwksUri) {
		String keyId = token.getHeader().getKeyID();
		if (keyId == null) {
			return "it has no kid";
		}
		JWK key;
		try {
			key = fetch(jwksUri).getKeyByKeyId(keyId);
		}
		catch (IOException | ParseException ex) {
			return "its JWKS could not be read from " + jwksUri + ": " + ex.getMessage();
		}
		if (key == null) {
			return "its JWKS publishes no key with kid '" + keyId + "'";
		}
		if (key.getAlgorithm() != null && !key.getAlgorithm().equals(token.getHeader().getAlgorithm())) {
			return "key '" + keyId + "' is for " + key.getAlgorithm() + ", not " + token.getHeader().getAlgorithm();
		}
		try {
			JWSVerifier verifier = (key instanceof OctetKeyPair okp) ? new Ed25519Verifier(okp.toPublicJWK())
					: new DefaultJWSVerifierFactory().createJWSVerifier(token.getHeader(), publicKey(key));
			return token.verify(verifier) ? null : "the signature does not verify with key '" + keyId + "'";
		}
		catch (JOSEException ex) {
			return "the signature could not be checked with key '" + keyId + "': " + ex.getMessage();
		}
	}

	private static JWKSet fetch(URI jwksUri) throws IOException, ParseException {
		HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(10)).GET().build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException("HTTP " + response.statusCode());
			}
			return JWKSet.parse(response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	private static Key publicKey(JWK key) throws JOSEException {
		return switch (key.getKeyType().getValue()) {
			case "RSA" -> key.toRSAKey().toPublicKey();
			case "EC" -> key.toECKey().toPublicKey();
			default -> throw new JOSEException("unsupported key type " + key.getKeyType());
		};
	}

}
