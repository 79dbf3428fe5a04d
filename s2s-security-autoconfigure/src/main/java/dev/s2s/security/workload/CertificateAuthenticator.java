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
package dev.s2s.security.workload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Decides who a request's caller is from its verified bearer token (if any) and its
 * verified client certificate (if any); the core of the servlet and WebFlux adapters,
 * which run it after the token was authenticated.
 * <ol>
 * <li>A token bound to a certificate (RFC 8705 {@code cnf.x5t#S256}) needs the very
 * certificate it is bound to: another certificate, or none, is
 * {@code certificate_mismatch}. The thumbprint is SHA-256 over the certificate's DER,
 * base64url without padding, compared in constant time.</li>
 * <li>A certificate presented must identify a service ({@link WorkloadIdentities}), or
 * the request is refused, whatever else it carries.</li>
 * <li>A token and a certificate together must name the same service (the token's service
 * caller, or the acting service of a delegated call): {@code certificate_mismatch}
 * otherwise. A user's token has no service to compare; the certificate is recorded with
 * it.</li>
 * <li>What is then still missing is judged by the {@link RequiredProof}.</li>
 * </ol>
 * Without identities (no certificates configured) no certificate is ever read, so a bound
 * token is always refused: this service cannot prove who holds it.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class CertificateAuthenticator {

	private static final String CONFIRMATION = "cnf";

	private static final String THUMBPRINT = "x5t#S256";

	private final @Nullable WorkloadIdentities identities;

	private final RequiredProof requiredProof;

	private final @Nullable ForwardedCertificates forwarded;

	private CertificateAuthenticator(@Nullable WorkloadIdentities identities, RequiredProof requiredProof,
			@Nullable ForwardedCertificates forwarded) {
		this.identities = identities;
		this.requiredProof = requiredProof;
		this.forwarded = forwarded;
	}

	/**
	 * Authenticate client certificates.
	 * @param identities which service a certificate identifies
	 * @param requiredProof what a caller must present
	 * @return the authenticator
	 */
	public static CertificateAuthenticator of(WorkloadIdentities identities, RequiredProof requiredProof) {
		Assert.notNull(identities, "identities cannot be null");
		Assert.notNull(requiredProof, "requiredProof cannot be null");
		return new CertificateAuthenticator(identities, requiredProof, null);
	}

	/**
	 * Authenticate no certificate: tokens alone prove callers, and certificate-bound
	 * tokens are refused.
	 * @return the authenticator
	 */
	public static CertificateAuthenticator none() {
		return new CertificateAuthenticator(null, RequiredProof.TOKEN, null);
	}

	/**
	 * The same authenticator, taking the client certificate of requests from trusted
	 * proxies from the header they forward it in (and never from anyone else).
	 * @param forwarded the forwarded certificates
	 * @return a new authenticator
	 */
	public CertificateAuthenticator withForwarded(ForwardedCertificates forwarded) {
		Assert.notNull(forwarded, "forwarded cannot be null");
		Assert.state(this.identities != null, "Forwarded certificates need identities");
		return new CertificateAuthenticator(this.identities, this.requiredProof, forwarded);
	}

	/**
	 * Where the client certificates of requests from trusted proxies come from.
	 * @return the forwarded certificates, or {@code null} when none is read
	 */
	public @Nullable ForwardedCertificates forwarded() {
		return this.forwarded;
	}

	/**
	 * Whether client certificates are read and certificate-bound tokens can be accepted
	 * (what protected-resource metadata says as
	 * {@code tls_client_certificate_bound_access_tokens}).
	 * @return whether certificates are authenticated
	 */
	public boolean authenticatesCertificates() {
		return this.identities != null;
	}

	/**
	 * The caller of a request.
	 * @param current what the token authentication left, if anything
	 * @param certificate the verified client certificate, if any
	 * @return the caller, or {@code current} when the certificate adds nothing
	 * @throws RejectedCertificateException when the request proves no caller
	 */
	public @Nullable Authentication authenticate(@Nullable Authentication current,
			@Nullable X509Certificate certificate) {
		CallerAuthentication tokenCaller = (current instanceof CallerAuthentication caller && caller.getToken() != null
				&& caller.getCertificate() == null) ? caller : null;
		X509Certificate presented = (this.identities != null) ? certificate : null;
		if (tokenCaller != null) {
			checkBinding(tokenCaller, presented);
		}
		if (presented == null || this.identities == null) {
			if (tokenCaller != null && !this.requiredProof.tokenAlone()) {
				throw RejectedCertificateException.missing("A client certificate is required");
			}
			return current;
		}
		String serviceId = this.identities.serviceId(presented);
		if (tokenCaller == null) {
			// Never in place of another authentication the chain made.
			boolean unauthenticated = current == null || current instanceof AnonymousAuthenticationToken
					|| !current.isAuthenticated();
			return (unauthenticated && this.requiredProof.certificateAlone())
					? new ServiceAuthentication(presented, serviceId) : current;
		}
		String tokenService = serviceOf(tokenCaller);
		if (tokenService != null && !tokenService.equals(serviceId)) {
			throw RejectedCertificateException
				.mismatch("The access token and the client certificate name different services");
		}
		return tokenCaller.withCertificate(presented);
	}

	private static void checkBinding(CallerAuthentication caller, @Nullable X509Certificate certificate) {
		Jwt token = caller.getToken();
		Object confirmation = (token != null) ? token.getClaims().get(CONFIRMATION) : null;
		if (confirmation == null) {
			return;
		}
		if (!(confirmation instanceof Map<?, ?> members)) {
			throw RejectedCertificateException.mismatch("The access token's confirmation claim is malformed");
		}
		Object bound = members.get(THUMBPRINT);
		if (bound == null) {
			// Bound to something else (a DPoP key): not this check's.
			return;
		}
		if (!(bound instanceof String thumbprint)) {
			throw RejectedCertificateException.mismatch("The access token's confirmation claim is malformed");
		}
		if (certificate == null) {
			throw RejectedCertificateException
				.mismatch("The access token is bound to a client certificate and none was presented");
		}
		if (!MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
				CertificateThumbprint.of(certificate).getBytes(StandardCharsets.US_ASCII))) {
			throw RejectedCertificateException.mismatch("The access token is bound to another client certificate");
		}
	}

	private static @Nullable String serviceOf(CallerAuthentication caller) {
		if (caller instanceof ServiceAuthentication service) {
			return service.getServiceId();
		}
		return (caller instanceof DelegatedAuthentication delegated) ? delegated.getServiceId() : null;
	}

}
