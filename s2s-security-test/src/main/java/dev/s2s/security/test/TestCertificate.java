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

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import dev.s2s.security.workload.CertificateThumbprint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * A certificate a {@link TestCertificateAuthority} issued, with its private key: a
 * client's SSL bundle, a server's, or a token's confirmation ({@link #thumbprint()}).
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class TestCertificate {

	private final X509Certificate certificate;

	private final PrivateKey privateKey;

	/** {@code null} when self-signed. */
	private final @Nullable TestCertificateAuthority issuer;

	TestCertificate(X509Certificate certificate, PrivateKey privateKey, @Nullable TestCertificateAuthority issuer) {
		this.certificate = certificate;
		this.privateKey = privateKey;
		this.issuer = issuer;
	}

	/**
	 * The certificate.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * The certificate's private key.
	 * @return the key
	 */
	public PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * The certificate and its issuer's (none when self-signed), in PEM.
	 * @return the PEM text of the chain
	 */
	public String chainPem() {
		return Pem.certificate(this.certificate)
				+ ((this.issuer != null) ? Pem.certificate(this.issuer.caCertificate()) : "");
	}

	/**
	 * The private key in PEM (PKCS#8).
	 * @return the PEM text
	 */
	public String privateKeyPem() {
		return Pem.privateKey(this.privateKey);
	}

	/**
	 * The RFC 8705 thumbprint a token bound to this certificate carries as
	 * {@code cnf.x5t#S256}.
	 * @return the thumbprint
	 */
	public String thumbprint() {
		return CertificateThumbprint.of(this.certificate);
	}

	/**
	 * Spring Boot PEM SSL bundle properties with this certificate as key store and the
	 * given authorities as trust store, e.g. for {@code server.ssl.bundle} or
	 * {@code spring.ssl.bundle.pem.<name>} of a client.
	 * @param name the bundle's name
	 * @param trusted the authorities the bundle trusts
	 * @return the properties, {@code spring.ssl.bundle.pem.<name>.*}
	 */
	public Map<String, String> sslBundleProperties(String name, TestCertificateAuthority... trusted) {
		String prefix = "spring.ssl.bundle.pem." + name + ".";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "keystore.certificate", chainPem());
		properties.put(prefix + "keystore.private-key", privateKeyPem());
		properties.put(prefix + "truststore.certificate", trustPem(trusted));
		return properties;
	}

	/**
	 * A Spring Boot SSL bundle with this certificate as key store and the given
	 * authorities as trust store.
	 * @param trusted the authorities the bundle trusts
	 * @return the bundle
	 */
	public SslBundle sslBundle(TestCertificateAuthority... trusted) {
		return SslBundle
			.of(new PemSslStoreBundle(PemSslStoreDetails.forCertificates(chainPem()).withPrivateKey(privateKeyPem()),
					PemSslStoreDetails.forCertificates(trustPem(trusted))));
	}

	/**
	 * A TLS context presenting this certificate and trusting the given authorities, for a
	 * client such as {@code HttpClient.newBuilder().sslContext(...)}.
	 * @param trusted the authorities the client trusts
	 * @return the context
	 */
	public SSLContext sslContext(TestCertificateAuthority... trusted) {
		return sslBundle(trusted).createSslContext();
	}

	private static String trustPem(TestCertificateAuthority... trusted) {
		return Arrays.stream(trusted).map(TestCertificateAuthority::caCertificatePem).collect(Collectors.joining());
	}

	@Override
	public String toString() {
		return "TestCertificate[" + this.certificate.getSubjectX500Principal().getName() + "]";
	}

}
