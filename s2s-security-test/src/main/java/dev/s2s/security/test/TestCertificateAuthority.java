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

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * A certificate authority for tests of mTLS endpoints, as {@link FakeTokenIssuer} is one
 * for tokens: SPIFFE X.509 SVIDs and deliberately bad certificates in one line each, and
 * the server's own certificate, all usable as Spring Boot SSL bundles.
 *
 * <pre>
 * static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");
 *
 * &#64;DynamicPropertySource
 * static void tls(DynamicPropertyRegistry registry) {
 * 	ca.serverCertificate().sslBundleProperties("server", ca).forEach((key, value) -&gt; registry.add(key, () -&gt; value));
 * 	registry.add("server.ssl.bundle", () -&gt; "server");
 * 	registry.add("server.ssl.client-auth", () -&gt; "want");
 * }
 *
 * TestCertificate order = ca.svid("ns/shop/sa/order-service"); // spiffe://prod.example.org/ns/shop/sa/order-service
 * TestCertificate expired = ca.certificate().spiffeId("ns/shop/sa/order-service").expired().issue();
 * </pre>
 *
 * Keys are EC P-256. Needs {@code org.bouncycastle:bcpkix-jdk18on} on the test class path
 * (an optional dependency of this module).
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class TestCertificateAuthority {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String trustDomain;

	private final KeyPair keys;

	private final X509Certificate certificate;

	private TestCertificateAuthority(String trustDomain, KeyPair keys, X509Certificate certificate) {
		this.trustDomain = trustDomain;
		this.keys = keys;
		this.certificate = certificate;
	}

	/**
	 * A new authority, with a new key, for the workloads of a trust domain.
	 * @param trustDomain the trust domain its SVIDs name, e.g. {@code prod.example.org}
	 * @return the authority
	 */
	public static TestCertificateAuthority create(String trustDomain) {
		KeyPair keys = newKeyPair();
		X500Name name = new X500Name("O=s2s-security test CA, CN=" + trustDomain);
		Instant now = Instant.now();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
					java.util.Date.from(now.minus(Duration.ofHours(1))),
					java.util.Date.from(now.plus(Duration.ofDays(2))), name, keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()));
			return new TestCertificateAuthority(trustDomain, keys, sign(builder, keys));
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException("Cannot create a test certificate authority", ex);
		}
	}

	/**
	 * The trust domain of this authority's SVIDs.
	 * @return the trust domain
	 */
	public String trustDomain() {
		return this.trustDomain;
	}

	/**
	 * The authority's own certificate: what a trust store holds.
	 * @return the certificate
	 */
	public X509Certificate caCertificate() {
		return this.certificate;
	}

	/**
	 * The authority's certificate in PEM, for an SSL bundle's
	 * {@code truststore.certificate}.
	 * @return the PEM text
	 */
	public String caCertificatePem() {
		return Pem.certificate(this.certificate);
	}

	/**
	 * A TLS context that trusts this authority and presents no certificate: a client with
	 * a token alone.
	 * @return the context
	 */
	public SSLContext sslContext() {
		return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificates(caCertificatePem())))
			.createSslContext();
	}

	/**
	 * A good X.509 SVID: one URI SAN {@code spiffe://<trust-domain>/<path>}, the
	 * {@code clientAuth} and {@code serverAuth} extended key usages, valid for a day.
	 * @param path the SPIFFE ID's path, e.g. {@code ns/shop/sa/order-service}
	 * @return the certificate and its key
	 */
	public TestCertificate svid(String path) {
		return certificate().spiffeId(path).issue();
	}

	/**
	 * This server's certificate: {@code localhost} and {@code 127.0.0.1} as SANs,
	 * {@code serverAuth} usage.
	 * @return the certificate and its key
	 */
	public TestCertificate serverCertificate() {
		return certificate().subject("CN=localhost")
			.dnsName("localhost")
			.ipAddress("127.0.0.1")
			.extendedKeyUsage(CertificateDraft.SERVER_AUTH)
			.issue();
	}

	/**
	 * A certificate to describe, for the bad ones:
	 * {@code ca.certificate().spiffeId("ns/a/sa/b").expired().issue()}.
	 * @return a draft: CN {@code test-workload}, {@code clientAuth} and
	 * {@code serverAuth}, valid for a day, no SAN yet
	 */
	public CertificateDraft certificate() {
		return new CertificateDraft(this);
	}

	X509Certificate sign(X509v3CertificateBuilder builder) {
		return sign(builder, this.keys);
	}

	X500Name name() {
		return X500Name.getInstance(this.certificate.getSubjectX500Principal().getEncoded());
	}

	List<X509Certificate> chainOf(X509Certificate leaf) {
		return List.of(leaf, this.certificate);
	}

	static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("EC P-256 is required of every JDK", ex);
		}
	}

	static BigInteger serial() {
		return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
	}

	static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair keys) {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot sign a test certificate", ex);
		}
	}

}
