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
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWK;
import dev.s2s.security.workload.CertificateThumbprint;
import org.jspecify.annotations.Nullable;

/**
 * Registered clients and their authentication at the token endpoint:
 * {@code client_secret_basic}, {@code client_secret_post}, {@code private_key_jwt} (RFC
 * 7523), and on the mutual-TLS listener {@code tls_client_auth} and
 * {@code self_signed_tls_client_auth} (RFC 8705 section 2). Every failure is the same
 * {@code invalid_client}, so a test cannot tell an unknown client from a wrong secret,
 * just as with a real server.
 *
 * @author s2s-security team
 */
final class ClientRegistry {

	static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, JWK> keys = new ConcurrentHashMap<>();

	/** tls_client_auth: the subject DN or URI SAN the certificate must carry. */
	private final Map<String, String> certificateSubjects = new ConcurrentHashMap<>();

	/** self_signed_tls_client_auth: the registered certificate's thumbprint. */
	private final Map<String, String> certificateThumbprints = new ConcurrentHashMap<>();

	private final Set<String> usedAssertionIds = ConcurrentHashMap.newKeySet();

	private final Clock clock;

	private volatile @Nullable X509TrustManager certificateAuthorities;

	ClientRegistry(Clock clock) {
		this.clock = clock;
	}

	void trustCertificateAuthorities(X509TrustManager trust) {
		this.certificateAuthorities = trust;
	}

	void register(String clientId, String secret) {
		forget(clientId);
		this.secrets.put(clientId, secret);
	}

	void register(String clientId, JWK key) {
		forget(clientId);
		this.keys.put(clientId, key.toPublicJWK());
	}

	void registerCertificateSubject(String clientId, String subject) {
		forget(clientId);
		this.certificateSubjects.put(clientId, subject);
	}

	void registerSelfSignedCertificate(String clientId, X509Certificate certificate) {
		forget(clientId);
		this.certificateThumbprints.put(clientId, CertificateThumbprint.of(certificate));
	}

	private void forget(String clientId) {
		this.secrets.remove(clientId);
		this.keys.remove(clientId);
		this.certificateSubjects.remove(clientId);
		this.certificateThumbprints.remove(clientId);
	}

	/**
	 * Authenticates the client of a token request.
	 * @param request the request
	 * @param audiences the values a client assertion's {@code aud} may name
	 * @return the authenticated client id
	 * @throws OAuthError {@code invalid_client}, or {@code invalid_request} when more
	 * than one method is used
	 */
	String authenticate(IssuerRequest request, List<String> audiences) throws OAuthError {
		String secret = request.param("client_secret");
		String assertion = request.param("client_assertion");
		int methods = ((request.authorization() != null) ? 1 : 0) + ((secret != null) ? 1 : 0)
				+ ((assertion != null) ? 1 : 0);
		if (methods > 1) {
			throw OAuthError.invalidRequest("More than one client authentication method was used");
		}
		if (request.authorization() != null) {
			String[] credentials = IssuerRequest.basicCredentials(request.authorization());
			if (credentials == null) {
				throw OAuthError.invalidClient("Malformed Basic client credentials", true);
			}
			return checkSecret(credentials[0], credentials[1], true);
		}
		if (secret != null) {
			return checkSecret(request.param("client_id"), secret, false);
		}
		if (assertion != null) {
			return checkAssertion(request, assertion, audiences);
		}
		String clientId = request.param("client_id");
		if (clientId != null && (this.certificateSubjects.containsKey(clientId)
				|| this.certificateThumbprints.containsKey(clientId))) {
			return checkCertificate(clientId, request.clientCertificates());
		}
		throw OAuthError.invalidClient("Client authentication is required", false);
	}

	/**
	 * RFC 8705 section 2: the TLS handshake proved the client holds the certificate's
	 * key; here the certificate must be the registered one (self-signed) or be issued by
	 * the trusted authority to the registered subject.
	 */
	private String checkCertificate(String clientId, List<X509Certificate> chain) throws OAuthError {
		if (chain.isEmpty()) {
			throw OAuthError.invalidClient("No client certificate was presented (use the mutual-TLS token endpoint)",
					false);
		}
		X509Certificate leaf = chain.get(0);
		try {
			leaf.checkValidity(Date.from(this.clock.instant()));
		}
		catch (CertificateException ex) {
			throw OAuthError.invalidClient("The client certificate is expired or not yet valid", false);
		}
		String thumbprint = this.certificateThumbprints.get(clientId);
		if (thumbprint != null) {
			if (!thumbprint.equals(CertificateThumbprint.of(leaf))) {
				throw OAuthError.invalidClient("The client certificate is not the registered one", false);
			}
			return clientId;
		}
		X509TrustManager trust = this.certificateAuthorities;
		try {
			if (trust == null) {
				throw new CertificateException("no authority is trusted");
			}
			trust.checkClientTrusted(chain.toArray(X509Certificate[]::new), leaf.getPublicKey().getAlgorithm());
		}
		catch (CertificateException ex) {
			throw OAuthError.invalidClient("The client certificate is not issued by a trusted authority", false);
		}
		String subject = this.certificateSubjects.get(clientId);
		if (subject == null || !hasSubject(leaf, subject)) {
			throw OAuthError.invalidClient("The client certificate is not the registered subject", false);
		}
		return clientId;
	}

	private static boolean hasSubject(X509Certificate certificate, String subject) {
		if (subject.contains("://")) {
			try {
				Collection<List<?>> names = certificate.getSubjectAlternativeNames();
				return names != null && names.stream()
					.anyMatch((name) -> Integer.valueOf(6).equals(name.get(0)) && subject.equals(name.get(1)));
			}
			catch (CertificateParsingException ex) {
				return false;
			}
		}
		try {
			return new X500Principal(subject).equals(certificate.getSubjectX500Principal());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private String checkSecret(@Nullable String clientId, String secret, boolean basic) throws OAuthError {
		String expected = (clientId != null) ? this.secrets.get(clientId) : null;
		if (clientId == null || expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8))) {
			throw OAuthError.invalidClient("Client authentication failed", basic);
		}
		return clientId;
	}

	private String checkAssertion(IssuerRequest request, String assertion, List<String> audiences) throws OAuthError {
		if (!JWT_BEARER_ASSERTION.equals(request.param("client_assertion_type"))) {
			throw OAuthError.invalidClient("client_assertion_type must be " + JWT_BEARER_ASSERTION, false);
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw OAuthError.invalidClient("Malformed client assertion", false);
		}
		String clientId = claims.getIssuer();
		String claimedId = request.param("client_id");
		JWK key = (clientId != null) ? this.keys.get(clientId) : null;
		Date now = Date.from(this.clock.instant());
		boolean valid = key != null && clientId.equals(claims.getSubject())
				&& (claimedId == null || claimedId.equals(clientId)) && KeyRing.verify(jwt, key)
				&& claims.getAudience().stream().anyMatch(audiences::contains) && claims.getExpirationTime() != null
				&& now.before(claims.getExpirationTime())
				&& (claims.getNotBeforeTime() == null || !now.before(claims.getNotBeforeTime()))
				&& claims.getJWTID() != null && this.usedAssertionIds.add(clientId + " " + claims.getJWTID());
		if (!valid) {
			throw OAuthError.invalidClient("Client assertion rejected", false);
		}
		return clientId;
	}

}
