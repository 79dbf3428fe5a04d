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

import java.security.Key;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

/**
 * The issuer's signing keys: which one signs by default, which are published in the JWKS,
 * and which were retired (kept, so a test can still sign with them, but no longer
 * published).
 *
 * @author s2s-security team
 */
final class KeyRing {

	/**
	 * Keys no issuer publishes, shared by all issuers because generating RSA keys is
	 * slow.
	 */
	private static final Map<SigningAlgorithm, JWK> FOREIGN_KEYS = new ConcurrentHashMap<>();

	/** Every key ever created, oldest first. */
	private final List<JWK> keys = new ArrayList<>();

	private final List<String> publishedKeyIds = new ArrayList<>();

	private boolean leakPrivateKeys;

	/** Published, but never signing the issuer's own tokens. */
	private final Set<String> publishedOnly = new HashSet<>();

	private final SigningAlgorithm defaultAlgorithm;

	KeyRing(List<SigningAlgorithm> algorithms) {
		this.defaultAlgorithm = algorithms.get(0);
		algorithms.forEach(this::addKey);
	}

	SigningAlgorithm defaultAlgorithm() {
		return this.defaultAlgorithm;
	}

	synchronized String addKey(SigningAlgorithm algorithm) {
		JWK key = algorithm.generateKey();
		this.keys.add(key);
		this.publishedKeyIds.add(key.getKeyID());
		return key.getKeyID();
	}

	/**
	 * The newest published key of the algorithm, created and published on first use.
	 */
	synchronized JWK activeKey(SigningAlgorithm algorithm) {
		for (int i = this.keys.size() - 1; i >= 0; i--) {
			JWK key = this.keys.get(i);
			if (!this.publishedOnly.contains(key.getKeyID()) && algorithmOf(key) == algorithm
					&& this.publishedKeyIds.contains(key.getKeyID())) {
				return key;
			}
		}
		return key(addKey(algorithm));
	}

	synchronized JWK key(String keyId) {
		return this.keys.stream()
			.filter((key) -> key.getKeyID().equals(keyId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("This issuer has no key with kid '" + keyId + "'"));
	}

	/**
	 * Publish a key exactly as given, whatever it is fit for: the key-set hygiene cases
	 * need keys no real issuer should publish.
	 */
	synchronized void publish(JWK key) {
		this.keys.add(key);
		this.publishedKeyIds.add(key.getKeyID());
		this.publishedOnly.add(key.getKeyID());
	}

	synchronized void retire(String keyId) {
		key(keyId);
		this.publishedKeyIds.remove(keyId);
	}

	synchronized List<String> publishedKeyIds() {
		return List.copyOf(this.publishedKeyIds);
	}

	synchronized List<SigningAlgorithm> publishedAlgorithms() {
		return this.publishedKeyIds.stream()
			.filter((keyId) -> !this.publishedOnly.contains(keyId))
			.map(this::key)
			.map(KeyRing::algorithmOf)
			.distinct()
			.toList();
	}

	/**
	 * The JWKS document: public halves of the published keys, or, for an issuer that
	 * leaks them, the keys with their private members.
	 */
	synchronized String jwks() {
		return new JWKSet(this.publishedKeyIds.stream().map(this::key).toList()).toString(!this.leakPrivateKeys);
	}

	synchronized void leakPrivateKeys(boolean leak) {
		this.leakPrivateKeys = leak;
	}

	/**
	 * Whether the token is signed by a key this issuer still publishes.
	 */
	boolean verify(JWSObject token) {
		String keyId = token.getHeader().getKeyID();
		JWK key;
		synchronized (this) {
			if (keyId == null || !this.publishedKeyIds.contains(keyId)) {
				return false;
			}
			key = key(keyId);
		}
		return verify(token, key);
	}

	static boolean verify(JWSObject token, JWK publicKey) {
		if (publicKey.getAlgorithm() != null && !publicKey.getAlgorithm().equals(token.getHeader().getAlgorithm())) {
			return false;
		}
		try {
			JWSVerifier verifier = (publicKey instanceof OctetKeyPair okp) ? new Ed25519Verifier(okp.toPublicJWK())
					: new DefaultJWSVerifierFactory().createJWSVerifier(token.getHeader(), publicKeyOf(publicKey));
			return token.verify(verifier);
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	private static Key publicKeyOf(JWK key) throws JOSEException {
		return switch (key.getKeyType().getValue()) {
			case "RSA" -> key.toRSAKey().toPublicKey();
			case "EC" -> key.toECKey().toPublicKey();
			default -> throw new JOSEException("Unsupported key type " + key.getKeyType());
		};
	}

	/**
	 * Sign a payload given as raw bytes, for encodings that no JSON writer produces.
	 */
	static String signBytes(JWK key, Map<String, Object> header, byte[] payload) {
		SigningAlgorithm algorithm = algorithmOf(key);
		Map<String, Object> fullHeader = new LinkedHashMap<>();
		fullHeader.put("alg", algorithm.jwsAlgorithm().getName());
		fullHeader.put("kid", key.getKeyID());
		fullHeader.putAll(header);
		fullHeader.values().removeIf((value) -> value == null);
		try {
			JWSObject token = new JWSObject(JWSHeader.parse(fullHeader), new Payload(payload));
			token.sign(algorithm.signer(key));
			return token.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token with header " + fullHeader.keySet(), ex);
		}
	}

	static String sign(JWK key, Map<String, Object> header, Map<String, Object> claims) {
		SigningAlgorithm algorithm = algorithmOf(key);
		Map<String, Object> fullHeader = new LinkedHashMap<>();
		fullHeader.put("alg", algorithm.jwsAlgorithm().getName());
		fullHeader.put("kid", key.getKeyID());
		fullHeader.putAll(header);
		fullHeader.values().removeIf((value) -> value == null);
		try {
			JWSObject token = new JWSObject(JWSHeader.parse(fullHeader), new Payload(claims));
			token.sign(algorithm.signer(key));
			return token.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token with header " + fullHeader.keySet(), ex);
		}
	}

	/**
	 * A key of the algorithm that no issuer publishes, carrying the given {@code kid}.
	 */
	static JWK foreignKey(SigningAlgorithm algorithm, String keyId) {
		JWK key = FOREIGN_KEYS.computeIfAbsent(algorithm, SigningAlgorithm::generateKey);
		try {
			Map<String, Object> json = key.toJSONObject();
			json.put("kid", keyId);
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SigningAlgorithm algorithmOf(JWK key) {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			if (algorithm.jwsAlgorithm().equals(key.getAlgorithm())) {
				return algorithm;
			}
		}
		throw new IllegalStateException("Key " + key.getKeyID() + " has no supported algorithm");
	}

}
