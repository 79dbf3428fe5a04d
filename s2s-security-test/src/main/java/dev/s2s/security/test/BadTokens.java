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

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Deliberately bad variants of one token, for negative tests. Each variant keeps
 * everything else of the token it comes from, so a test that sees it rejected knows why.
 * Obtain them with {@link TokenBuilder#bad()} or
 * {@link FakeTokenIssuer#badTokens(String)}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class BadTokens {

	/** Far beyond any usual clock-skew allowance (Spring's default is 60 seconds). */
	private static final Duration SKEW = Duration.ofMinutes(10);

	private static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private final TokenBuilder token;

	BadTokens(TokenBuilder token) {
		this.token = token;
	}

	/**
	 * A token whose {@code exp} passed ten minutes ago.
	 * @return the token
	 */
	public String expired() {
		Instant expiresAt = now().minus(SKEW);
		return copy().issuedAt(expiresAt.minus(this.token.context().lifetime())).expiresAt(expiresAt).sign();
	}

	/**
	 * A token whose {@code nbf} and {@code iat} are ten minutes ahead.
	 * @return the token
	 */
	public String notYetValid() {
		Instant start = now().plus(SKEW);
		return copy().issuedAt(start).notBefore(start).sign();
	}

	/**
	 * A token from another issuer ({@code iss: https://wrong-issuer.invalid}), signed
	 * with this issuer's key.
	 * @return the token
	 */
	public String wrongIssuer() {
		return copy().claim("iss", "https://wrong-issuer.invalid").sign();
	}

	/**
	 * A token for another audience ({@code aud: some-other-service}).
	 * @return the token
	 */
	public String wrongAudience() {
		return copy().audience("some-other-service").sign();
	}

	/**
	 * A token without {@code exp}, which would never expire.
	 * @return the token
	 */
	public String missingExpiry() {
		return copy().withoutExpiry().sign();
	}

	/**
	 * An unsecured token: header {@code alg: none} and an empty signature
	 * ({@code header.payload.}).
	 * @return the token
	 */
	public String algNone() {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "none");
		header.putAll(this.token.header());
		return Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
				+ Base64URL.encode(JSONObjectUtils.toJSONString(this.token.claims())) + ".";
	}

	/**
	 * The algorithm-confusion attack: an HS256 token whose HMAC secret is the issuer's
	 * public key as PEM text ({@code -----BEGIN PUBLIC KEY-----}, X.509
	 * SubjectPublicKeyInfo, 64-character lines, a final line feed), with the {@code kid}
	 * of that key. A resource server that hands the published key to an HMAC verifier
	 * accepts it.
	 * @return the token
	 */
	public String hs256SignedWithPublicKey() {
		JWK key = this.token.signingKey();
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", JWSAlgorithm.HS256.getName());
		header.put("kid", key.getKeyID());
		header.putAll(this.token.header());
		try {
			JWSObject jws = new JWSObject(JWSHeader.parse(header), new Payload(this.token.claims()));
			jws.sign(new MACSigner(publicKeyPem(key).getBytes(StandardCharsets.US_ASCII)));
			return jws.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Cannot sign the HS256 token", ex);
		}
	}

	/**
	 * A token signed with the issuer's key, naming a {@code kid} the JWKS does not have.
	 * @return the token
	 */
	public String unknownKeyId() {
		return copy().header("kid", "unknown-" + UUID.randomUUID()).sign();
	}

	/**
	 * A token signed with a key the issuer never published, under the {@code kid} of the
	 * issuer's real key, so only the signature check can catch it.
	 * @return the token
	 */
	public String signedWithForeignKey() {
		JWK key = this.token.signingKey();
		JWK foreign = KeyRing.foreignKey(this.token.algorithm(), key.getKeyID());
		return KeyRing.sign(foreign, this.token.header(), this.token.claims());
	}

	/**
	 * An OpenID Connect ID token for the same audience: header {@code typ: JWT},
	 * {@code azp}, {@code nonce}, {@code auth_time}, and no scopes or {@code client_id}.
	 * @return the token
	 */
	public String idTokenShaped() {
		Map<String, Object> claims = identityClaims();
		claims.put("azp", this.token.claims().getOrDefault("azp", "web-app"));
		claims.put("auth_time", claims.get("iat"));
		claims.put("nonce", UUID.randomUUID().toString());
		return KeyRing.sign(this.token.signingKey(), Map.of("typ", "JWT"), claims);
	}

	/**
	 * A Keycloak-style refresh token: the same claims plus {@code typ: Refresh}, header
	 * {@code typ: JWT}.
	 * @return the token
	 */
	public String refreshTokenShaped() {
		Map<String, Object> claims = new LinkedHashMap<>(this.token.claims());
		claims.put("typ", "Refresh");
		return KeyRing.sign(this.token.signingKey(), Map.of("typ", "JWT"), claims);
	}

	/**
	 * An OpenID Connect back-channel logout token: header {@code typ: logout+jwt},
	 * {@code events} with the logout event, {@code sid} and {@code jti}.
	 * @return the token
	 */
	public String logoutTokenShaped() {
		Map<String, Object> claims = identityClaims();
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("sid", UUID.randomUUID().toString());
		claims.put("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
		return KeyRing.sign(this.token.signingKey(), Map.of("typ", "logout+jwt"), claims);
	}

	/**
	 * A token whose {@code sub} is a JSON number ({@code 4711}) rather than a string: a
	 * converter would make it {@code "4711"}.
	 * @return the token
	 */
	public String subjectOfWrongType() {
		return copy().claim("sub", 4711).sign();
	}

	/**
	 * A token whose {@code sub} hides a control character ({@code NUL}) after the
	 * original subject.
	 * @return the token
	 */
	public String controlCharacterInSubject() {
		return copy().claim("sub", this.token.claims().get("sub") + "\u0000admin").sign();
	}

	/**
	 * A token whose claims name {@code sub} twice, the second time as {@code admin}:
	 * parsers disagree on which one counts.
	 * @return the token
	 */
	public String duplicateClaim() {
		String json = JSONObjectUtils.toJSONString(this.token.claims());
		String duplicated = json.substring(0, json.length() - 1) + ",\"sub\":\"admin\"}";
		return KeyRing.signBytes(this.token.signingKey(), this.token.header(),
				duplicated.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A token whose claims start with a UTF-8 byte-order mark.
	 * @return the token
	 */
	public String byteOrderMark() {
		byte[] json = JSONObjectUtils.toJSONString(this.token.claims()).getBytes(StandardCharsets.UTF_8);
		byte[] payload = new byte[json.length + 3];
		payload[0] = (byte) 0xEF;
		payload[1] = (byte) 0xBB;
		payload[2] = (byte) 0xBF;
		System.arraycopy(json, 0, payload, 3, json.length);
		return KeyRing.signBytes(this.token.signingKey(), this.token.header(), payload);
	}

	/**
	 * A token whose claims hold an invalid UTF-8 sequence in a string (a lone
	 * continuation byte), which a lenient decoder silently replaces.
	 * @return the token
	 */
	public String invalidUtf8() {
		Map<String, Object> claims = new LinkedHashMap<>(this.token.claims());
		claims.put("note", "MARKER");
		byte[] json = JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8);
		String text = new String(json, StandardCharsets.ISO_8859_1).replace("MARKER", "a\u0080b");
		return KeyRing.signBytes(this.token.signingKey(), this.token.header(),
				text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * A token for this service among a hundred audiences, as no real token is.
	 * @return the token
	 */
	public String tooManyAudiences() {
		List<String> audiences = new ArrayList<>();
		Object audience = this.token.claims().get("aud");
		if (audience instanceof List<?> list) {
			list.forEach((item) -> audiences.add(item.toString()));
		}
		else if (audience != null) {
			audiences.add(audience.toString());
		}
		for (int i = audiences.size(); i < 100; i++) {
			audiences.add("service-" + i);
		}
		return copy().claim("aud", audiences).sign();
	}

	/**
	 * A token signed with a 1024-bit RSA key, which this method first publishes in the
	 * issuer's key set under a {@code kid} of its own (RFC 8725 asks for 2048 bits).
	 * @return the token
	 */
	public String weakRsaKey() {
		try {
			JWK weak = new RSAKeyGenerator(1024, true).algorithm(JWSAlgorithm.RS256)
				.keyUse(KeyUse.SIGNATURE)
				.keyID("weak-rsa-" + UUID.randomUUID())
				.generate();
			this.token.context().keys().publish(weak);
			Map<String, Object> header = new LinkedHashMap<>(this.token.header());
			header.put("alg", JWSAlgorithm.RS256.getName());
			header.put("kid", weak.getKeyID());
			header.values().removeIf((value) -> value == null);
			JWSObject jws = new JWSObject(JWSHeader.parse(header), new Payload(this.token.claims()));
			jws.sign(new RSASSASigner(weak.toRSAKey().toPrivateKey(), Set.of(AllowWeakRSAKey.getInstance())));
			return jws.serialize();
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException("Cannot sign with a 1024-bit RSA key", ex);
		}
	}

	private Map<String, Object> identityClaims() {
		Map<String, Object> source = this.token.claims();
		Map<String, Object> claims = new LinkedHashMap<>();
		for (String name : List.of("iss", "sub", "aud", "iat", "exp")) {
			if (source.containsKey(name)) {
				claims.put(name, source.get(name));
			}
		}
		return claims;
	}

	private TokenBuilder copy() {
		return this.token.copy();
	}

	private Instant now() {
		return this.token.context().clock().instant();
	}

	/**
	 * X.509 SubjectPublicKeyInfo as PEM, the form vulnerable libraries took as HMAC key.
	 */
	static String publicKeyPem(JWK key) {
		byte[] der;
		try {
			der = switch (key.getKeyType().getValue()) {
				case "RSA" -> key.toRSAKey().toPublicKey().getEncoded();
				case "EC" -> key.toECKey().toPublicKey().getEncoded();
				default -> ed25519SubjectPublicKeyInfo((OctetKeyPair) key);
			};
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot export key " + key.getKeyID(), ex);
		}
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
	}

	private static byte[] ed25519SubjectPublicKeyInfo(OctetKeyPair key) {
		// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes) }: RFC 8410
		// section 4
		byte[] prefix = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
		byte[] x = key.getDecodedX();
		byte[] der = new byte[prefix.length + x.length];
		System.arraycopy(prefix, 0, der, 0, prefix.length);
		System.arraycopy(x, 0, der, prefix.length, x.length);
		return der;
	}

}
