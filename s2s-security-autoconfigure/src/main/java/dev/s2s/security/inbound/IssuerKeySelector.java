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

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetAwareJWSKeySelector;

/**
 * Picks the trusted issuer named by a token's {@code iss} and lets only that issuer's
 * keys verify it. The token can choose among configured issuers, never add one: no
 * address in a token is ever fetched.
 *
 * @author s2s-security team
 */
final class IssuerKeySelector implements JWTClaimsSetAwareJWSKeySelector<SecurityContext> {

	private final Map<String, JWSKeySelector<SecurityContext>> byIssuer;

	IssuerKeySelector(Map<String, JWSKeySelector<SecurityContext>> byIssuer) {
		this.byIssuer = Map.copyOf(byIssuer);
	}

	@Override
	public List<? extends java.security.Key> selectKeys(JWSHeader header, JWTClaimsSet claims, SecurityContext context)
			throws KeySourceException {
		String issuer = claims.getIssuer();
		JWSKeySelector<SecurityContext> keys = (issuer != null) ? this.byIssuer.get(issuer) : null;
		if (keys == null) {
			throw new UntrustedIssuerException();
		}
		return keys.selectJWSKeys(header, context);
	}

	/**
	 * The token names no configured issuer.
	 */
	static final class UntrustedIssuerException extends KeySourceException {

		private static final long serialVersionUID = 1L;

		UntrustedIssuerException() {
			super("The token comes from an issuer this service does not trust");
		}

	}

}
