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
package dev.s2s.security.outbound;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * This service's DPoP key and the proofs it signs with Nimbus' {@link DPoPProofFactory}:
 * a fresh one (new {@code jti}, {@code iat} now) for every request, with {@code ath} for
 * a resource request, and the latest {@code DPoP-Nonce} each server (origin) asked for
 * (RFC 9449 sections 8 and 9). The key lives in memory only and is made at start-up:
 * tokens bound to it are fetched again after a restart.
 *
 * @author s2s-security team
 */
final class DPoPProofs {

	/** The proof header, and the scheme of bound tokens. */
	static final String DPOP = "DPoP";

	/** The header a server sends its nonce in. */
	static final String NONCE = "DPoP-Nonce";

	private final DPoPProofFactory factory;

	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	DPoPProofs(JWK key, JWSAlgorithm algorithm) {
		try {
			this.factory = new DefaultDPoPProofFactory(key, algorithm);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Cannot sign DPoP proofs with this key: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Proofs with a new P-256 key.
	 */
	static DPoPProofs generate() {
		try {
			return new DPoPProofs(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a DPoP key", ex);
		}
	}

	/**
	 * A proof for a request.
	 * @param method the request method
	 * @param uri the request URI (its query and fragment are left out of {@code htu})
	 * @param accessToken the token sent, or {@code null} for a token request
	 */
	String proof(String method, URI uri, @Nullable String accessToken) {
		String nonce = this.nonces.get(origin(uri));
		try {
			return this.factory
				.createDPoPJWT(new JWTID(), method, htu(uri), new java.util.Date(),
						(accessToken != null) ? new DPoPAccessToken(accessToken) : null,
						(nonce != null) ? new Nonce(nonce) : null)
				.serialize();
		}
		catch (JOSEException ex) {
			throw new ServiceTokenException("Cannot sign a DPoP proof (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Remember the nonce a server sent, for the next proofs to it.
	 * @return whether it is new
	 */
	boolean nonce(URI uri, @Nullable String nonce) {
		if (nonce == null || nonce.isEmpty() || nonce.length() > 512) {
			return false;
		}
		return !nonce.equals(this.nonces.put(origin(uri), nonce));
	}

	/**
	 * Whether a resource server's answer asks for a (new) nonce: {@code 401} with
	 * {@code error="use_dpop_nonce"} (RFC 9449 section 9).
	 */
	static boolean asksForNonce(HttpStatusCode status, @Nullable String challenge) {
		return status.isSameCodeAs(HttpStatus.UNAUTHORIZED) && challenge != null
				&& challenge.contains("use_dpop_nonce");
	}

	private static URI htu(URI uri) {
		return URI.create(
				uri.getScheme() + "://" + uri.getRawAuthority() + ((uri.getRawPath() != null) ? uri.getRawPath() : ""));
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

}
