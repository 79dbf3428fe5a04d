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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The RFC 8705 (section 3.1) thumbprint of a certificate: the base64url encoding, without
 * padding, of the SHA-256 of its DER encoding, as a bound token's {@code cnf.x5t#S256}
 * carries it.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class CertificateThumbprint {

	private CertificateThumbprint() {
	}

	/**
	 * The thumbprint of a certificate.
	 * @param certificate the certificate
	 * @return its {@code x5t#S256}
	 */
	public static String of(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
		catch (CertificateEncodingException ex) {
			throw RejectedCertificateException.invalid("The client certificate cannot be encoded");
		}
	}

}
