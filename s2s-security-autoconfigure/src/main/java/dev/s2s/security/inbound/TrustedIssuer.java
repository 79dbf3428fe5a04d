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

import java.net.URI;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An identity provider whose tokens this service accepts.
 *
 * @param issuerUri the exact {@code iss} value of its tokens; also where its discovery
 * document lives unless {@code jwkSetUri} is given
 * @param jwkSetUri where its signing keys are published, or {@code null} to discover them
 * @param audiences the {@code aud} values accepted from it (at least one must be present)
 * @param algorithms the signature algorithms accepted from it (asymmetric only)
 * @param atJwtTypeRequired whether its tokens must carry the RFC 9068 header
 * {@code typ: at+jwt}
 * @author s2s-security team
 * @since 0.1.0
 */
public record TrustedIssuer(String issuerUri, @Nullable URI jwkSetUri, Set<String> audiences,
		Set<JWSAlgorithm> algorithms, boolean atJwtTypeRequired) {

	/**
	 * Check the issuer.
	 * @param issuerUri the exact {@code iss} value
	 * @param jwkSetUri the JWK Set URI, or {@code null} to discover it
	 * @param audiences the accepted audiences, at least one
	 * @param algorithms the accepted signature algorithms, asymmetric only
	 * @param atJwtTypeRequired whether tokens must carry {@code typ: at+jwt}
	 */
	public TrustedIssuer {
		Assert.hasText(issuerUri, "issuerUri cannot be empty");
		Assert.notEmpty(audiences, "audiences cannot be empty");
		algorithms = SignatureAlgorithms.parse(algorithms.stream().map(JWSAlgorithm::getName).toList());
		audiences = Set.copyOf(audiences);
	}

	/**
	 * An issuer whose tokens need not carry {@code typ: at+jwt}.
	 * @param issuerUri the exact {@code iss} value of its tokens
	 * @param jwkSetUri where its signing keys are published, or {@code null}
	 * @param audiences the accepted {@code aud} values
	 * @param algorithms the accepted signature algorithms
	 */
	public TrustedIssuer(String issuerUri, @Nullable URI jwkSetUri, Set<String> audiences,
			Set<JWSAlgorithm> algorithms) {
		this(issuerUri, jwkSetUri, audiences, algorithms, false);
	}

	/**
	 * An issuer accepting the {@link SignatureAlgorithms#DEFAULTS default algorithms}.
	 * @param issuerUri the exact {@code iss} value of its tokens
	 * @param audiences the accepted {@code aud} values
	 * @return the issuer
	 */
	public static TrustedIssuer of(String issuerUri, String... audiences) {
		return new TrustedIssuer(issuerUri, null, Set.of(audiences),
				SignatureAlgorithms.parse(SignatureAlgorithms.DEFAULTS));
	}

	/**
	 * This issuer with its keys at a fixed address instead of a discovered one.
	 * @param jwkSetUri the JWK Set address
	 * @return a new issuer
	 */
	public TrustedIssuer withJwkSetUri(URI jwkSetUri) {
		return new TrustedIssuer(this.issuerUri, jwkSetUri, this.audiences, this.algorithms, this.atJwtTypeRequired);
	}

	/**
	 * This issuer, requiring the RFC 9068 header {@code typ: at+jwt} (section 4) on its
	 * tokens, for providers that set it.
	 * @return a new issuer
	 */
	public TrustedIssuer withAtJwtTypeRequired() {
		return new TrustedIssuer(this.issuerUri, this.jwkSetUri, this.audiences, this.algorithms, true);
	}

}
