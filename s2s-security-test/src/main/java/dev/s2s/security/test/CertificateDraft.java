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

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A certificate a {@link TestCertificateAuthority} is about to issue: everything a good
 * SVID has, until a method says otherwise. Obtain one with
 * {@link TestCertificateAuthority#certificate()}.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class CertificateDraft {

	/** The {@code serverAuth} extended key usage. */
	public static final String SERVER_AUTH = "serverAuth";

	/** The {@code clientAuth} extended key usage. */
	public static final String CLIENT_AUTH = "clientAuth";

	/** Far beyond any clock skew. */
	private static final Duration PAST = Duration.ofHours(2);

	private final TestCertificateAuthority authority;

	private final List<GeneralName> names = new ArrayList<>();

	private String subject = "CN=test-workload";

	private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));

	private Instant notAfter = Instant.now().plus(Duration.ofDays(1));

	private @Nullable List<String> extendedKeyUsages = List.of(CLIENT_AUTH, SERVER_AUTH);

	private boolean ca;

	private boolean selfSigned;

	CertificateDraft(TestCertificateAuthority authority) {
		this.authority = authority;
	}

	/**
	 * Add a URI SAN {@code spiffe://<the authority's trust domain>/<path>}.
	 * @param path the SPIFFE ID's path, e.g. {@code ns/shop/sa/order-service}
	 * @return this draft
	 */
	public CertificateDraft spiffeId(String path) {
		return uri("spiffe://" + this.authority.trustDomain() + "/" + path);
	}

	/**
	 * Add a URI SAN, written as given (another trust domain, or no SPIFFE ID at all).
	 * @param uri the URI
	 * @return this draft
	 */
	public CertificateDraft uri(String uri) {
		this.names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
		return this;
	}

	/**
	 * Add a DNS SAN.
	 * @param name the host name
	 * @return this draft
	 */
	public CertificateDraft dnsName(String name) {
		this.names.add(new GeneralName(GeneralName.dNSName, name));
		return this;
	}

	/**
	 * Add an IP address SAN.
	 * @param address the address
	 * @return this draft
	 */
	public CertificateDraft ipAddress(String address) {
		this.names.add(new GeneralName(GeneralName.iPAddress, address));
		return this;
	}

	/**
	 * Set the subject.
	 * @param subject an X.500 name, e.g. {@code CN=order-service, O=shop}
	 * @return this draft
	 */
	public CertificateDraft subject(String subject) {
		Assert.hasText(subject, "subject cannot be empty");
		this.subject = subject;
		return this;
	}

	/**
	 * Set the extended key usages.
	 * @param usages {@value #CLIENT_AUTH} and/or {@value #SERVER_AUTH}
	 * @return this draft
	 */
	public CertificateDraft extendedKeyUsage(String... usages) {
		this.extendedKeyUsages = List.of(usages);
		return this;
	}

	/**
	 * Leave out the extended key usage extension (a certificate valid for every purpose).
	 * @return this draft
	 */
	public CertificateDraft withoutExtendedKeyUsage() {
		this.extendedKeyUsages = null;
		return this;
	}

	/**
	 * Make it a certificate that expired two hours ago.
	 * @return this draft
	 */
	public CertificateDraft expired() {
		return validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().minus(PAST));
	}

	/**
	 * Make it a certificate valid from two hours from now.
	 * @return this draft
	 */
	public CertificateDraft notYetValid() {
		return validity(Instant.now().plus(PAST), Instant.now().plus(Duration.ofDays(1)));
	}

	/**
	 * Set the validity.
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return this draft
	 */
	public CertificateDraft validity(Instant notBefore, Instant notAfter) {
		this.notBefore = notBefore;
		this.notAfter = notAfter;
		return this;
	}

	/**
	 * Make it a CA certificate ({@code basicConstraints: CA:true}).
	 * @return this draft
	 */
	public CertificateDraft ca() {
		this.ca = true;
		return this;
	}

	/**
	 * Make it self-signed: issued by its own subject with its own key, not by the
	 * authority, as a client registered for {@code self_signed_tls_client_auth} (RFC 8705
	 * section 2.2) holds.
	 * @return this draft
	 */
	public CertificateDraft selfSigned() {
		this.selfSigned = true;
		return this;
	}

	/**
	 * Issue the certificate, with a new key.
	 * @return the certificate and its key
	 */
	public TestCertificate issue() {
		KeyPair keys = TestCertificateAuthority.newKeyPair();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
					this.selfSigned ? new X500Name(this.subject) : this.authority.name(),
					TestCertificateAuthority.serial(), Date.from(this.notBefore), Date.from(this.notAfter),
					new X500Name(this.subject), keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(this.ca))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(this.ca ? KeyUsage.keyCertSign : KeyUsage.digitalSignature))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()));
			if (!this.selfSigned) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(this.authority.caCertificate()));
			}
			if (!this.names.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(this.names.toArray(GeneralName[]::new)));
			}
			if (this.extendedKeyUsages != null) {
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
						this.extendedKeyUsages.stream().map(CertificateDraft::purpose).toArray(KeyPurposeId[]::new)));
			}
			if (this.selfSigned) {
				return new TestCertificate(TestCertificateAuthority.sign(builder, keys), keys.getPrivate(), null);
			}
			return new TestCertificate(this.authority.sign(builder), keys.getPrivate(), this.authority);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot issue a test certificate", ex);
		}
	}

	private static KeyPurposeId purpose(String usage) {
		return switch (usage) {
			case CLIENT_AUTH -> KeyPurposeId.id_kp_clientAuth;
			case SERVER_AUTH -> KeyPurposeId.id_kp_serverAuth;
			default -> throw new IllegalArgumentException("Unknown extended key usage '" + usage + "'");
		};
	}

}
