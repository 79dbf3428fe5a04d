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

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.preauth.x509.SubjectX500PrincipalExtractor;
import org.springframework.util.Assert;

/**
 * Which service a client certificate identifies. The certificate's chain has already been
 * verified against the server's trust store (by JSSE for direct mTLS, by the trusted
 * proxy otherwise); this checks what a chain does not:
 * <ul>
 * <li>it is valid now (checked again here, with this clock, for certificates that did not
 * come through this server's own handshake);</li>
 * <li>it is an end-entity certificate ({@code basicConstraints} not a CA);</li>
 * <li>its extended key usage allows {@code clientAuth}. JSSE checks this only when the
 * extension is present; a certificate without the extension is valid for every purpose
 * (RFC 5280 section 4.2.1.12), so it is refused unless configured otherwise;</li>
 * <li>it names exactly one service: by default exactly one URI SAN, a SPIFFE ID of a
 * trusted trust domain that matches the {@link ServiceIdTemplate}; or, only when so
 * configured, exactly one {@code CN} in its subject, parsed as X.500 (Spring Security's
 * {@link SubjectX500PrincipalExtractor}, never a regular expression over the DN).</li>
 * </ul>
 * Every failure is a {@link RejectedCertificateException} ({@code invalid_certificate}).
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class WorkloadIdentities {

	/** id-kp-clientAuth (RFC 5280 section 4.2.1.12). */
	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private static final int URI_NAME = 6;

	private final @Nullable ServiceIdTemplate template;

	private final Set<String> trustDomains;

	private final boolean requireClientAuthUsage;

	private final Clock clock;

	private WorkloadIdentities(@Nullable ServiceIdTemplate template, Set<String> trustDomains,
			boolean requireClientAuthUsage, Clock clock) {
		this.template = template;
		this.trustDomains = trustDomains;
		this.requireClientAuthUsage = requireClientAuthUsage;
		this.clock = clock;
	}

	/**
	 * Identities from SPIFFE IDs.
	 * @param template how a SPIFFE ID names its service
	 * @param trustDomains the trust domains whose workloads may call, exactly as in their
	 * SPIFFE IDs
	 * @return the identities
	 */
	public static WorkloadIdentities spiffe(ServiceIdTemplate template, Collection<String> trustDomains) {
		Assert.notNull(template, "template cannot be null");
		Assert.notEmpty(trustDomains, "trustDomains cannot be empty");
		for (String trustDomain : trustDomains) {
			Assert.isTrue(SpiffeId.isTrustDomain(trustDomain),
					() -> "'" + trustDomain + "' is not a trust domain: lower-case letters, digits, '.', '-', '_'");
		}
		return new WorkloadIdentities(template, Set.copyOf(trustDomains), true, Clock.systemUTC());
	}

	/**
	 * Identities from the single {@code CN} of the certificate's subject, for a private
	 * CA that issues service certificates without SPIFFE IDs. Whoever the trust store
	 * trusts decides every service name: trust only a CA dedicated to them.
	 * @return the identities
	 */
	public static WorkloadIdentities subjectCommonName() {
		return new WorkloadIdentities(null, Set.of(), true, Clock.systemUTC());
	}

	/**
	 * The same identities, checking validity with this clock.
	 * @param clock the clock
	 * @return new identities
	 */
	public WorkloadIdentities withClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		return new WorkloadIdentities(this.template, this.trustDomains, this.requireClientAuthUsage, clock);
	}

	/**
	 * The same identities, accepting a certificate without the extended key usage
	 * extension (still refusing one whose extension lacks {@code clientAuth}).
	 * @param requireClientAuthUsage whether the extension is required (the default)
	 * @return new identities
	 */
	public WorkloadIdentities withClientAuthUsageRequired(boolean requireClientAuthUsage) {
		return new WorkloadIdentities(this.template, this.trustDomains, requireClientAuthUsage, this.clock);
	}

	/**
	 * The service a client certificate identifies.
	 * @param certificate the verified client certificate (the leaf)
	 * @return the service id
	 * @throws RejectedCertificateException when it identifies none
	 */
	public String serviceId(X509Certificate certificate) {
		checkValidity(certificate);
		if (certificate.getBasicConstraints() >= 0) {
			throw RejectedCertificateException.invalid("The client certificate is a CA certificate");
		}
		checkClientAuthUsage(certificate);
		return (this.template != null) ? spiffeServiceId(certificate, this.template) : commonName(certificate);
	}

	private void checkValidity(X509Certificate certificate) {
		try {
			certificate.checkValidity(Date.from(this.clock.instant()));
		}
		catch (CertificateExpiredException ex) {
			throw RejectedCertificateException.invalid("The client certificate has expired");
		}
		catch (CertificateNotYetValidException ex) {
			throw RejectedCertificateException.invalid("The client certificate is not yet valid");
		}
	}

	private void checkClientAuthUsage(X509Certificate certificate) {
		List<String> usages;
		try {
			usages = certificate.getExtendedKeyUsage();
		}
		catch (CertificateParsingException ex) {
			throw RejectedCertificateException.invalid("The client certificate's extended key usage is malformed");
		}
		if (usages == null) {
			if (this.requireClientAuthUsage) {
				throw RejectedCertificateException
					.invalid("The client certificate has no extended key usage; clientAuth is required");
			}
			return;
		}
		if (!usages.contains(CLIENT_AUTH)) {
			throw RejectedCertificateException
				.invalid("The client certificate's extended key usage excludes clientAuth");
		}
	}

	private String spiffeServiceId(X509Certificate certificate, ServiceIdTemplate template) {
		List<String> uris = uriNames(certificate);
		if (uris.size() != 1) {
			throw RejectedCertificateException.invalid(uris.isEmpty() ? "The client certificate has no URI SAN"
					: "The client certificate has several URI SANs; a workload has exactly one SPIFFE ID");
		}
		SpiffeId id = SpiffeId.parse(uris.get(0));
		if (id == null) {
			throw RejectedCertificateException.invalid("The client certificate's URI SAN is not a SPIFFE ID");
		}
		if (!this.trustDomains.contains(id.trustDomain())) {
			throw RejectedCertificateException.invalid("The client certificate's trust domain is not trusted");
		}
		String serviceId = template.serviceId(id);
		if (serviceId == null) {
			throw RejectedCertificateException
				.invalid("The client certificate's SPIFFE ID does not match the service id template");
		}
		return serviceId;
	}

	private static List<String> uriNames(X509Certificate certificate) {
		Collection<List<?>> names;
		try {
			names = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			throw RejectedCertificateException
				.invalid("The client certificate's subject alternative names are malformed");
		}
		if (names == null) {
			return Collections.emptyList();
		}
		List<String> uris = new ArrayList<>();
		for (List<?> name : names) {
			if (name.size() == 2 && Integer.valueOf(URI_NAME).equals(name.get(0))) {
				uris.add(String.valueOf(name.get(1)));
			}
		}
		return uris;
	}

	private static String commonName(X509Certificate certificate) {
		if (commonNames(certificate.getSubjectX500Principal()) != 1) {
			throw RejectedCertificateException.invalid("The client certificate's subject has no or several CN");
		}
		String name;
		try {
			name = String.valueOf(new SubjectX500PrincipalExtractor().extractPrincipal(certificate));
		}
		catch (AuthenticationException ex) {
			throw RejectedCertificateException.invalid("The client certificate's subject cannot be parsed");
		}
		if (!SpiffeId.isSegment(name)) {
			throw RejectedCertificateException.invalid("The client certificate's CN is not a service id");
		}
		return name;
	}

	private static int commonNames(X500Principal subject) {
		try {
			int count = 0;
			for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
				// A multi-valued RDN (CN=a+CN=b) counts each of its values.
				Attribute commonName = rdn.toAttributes().get("CN");
				count += (commonName != null) ? commonName.size() : 0;
			}
			return count;
		}
		catch (NamingException ex) {
			return -1;
		}
	}

}
