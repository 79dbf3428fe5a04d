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
package dev.s2s.security.caller;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A real client certificate for tests of callers proven by one: self-signed, EC P-256,
 * {@code CN=orders}, SAN {@code spiffe://example.org/orders}. Nothing here verifies it.
 */
public final class TestCertificates {

	private static final String ORDERS = """
			-----BEGIN CERTIFICATE-----
			MIIBoDCCAUegAwIBAgIUY2scRQku9eZN/rrfdc2iOhS5huUwCgYIKoZIzj0EAwIw
			ETEPMA0GA1UEAwwGb3JkZXJzMCAXDTI2MTIwMjE0NTcwMVoYDzIxMjYxMTA4MTQ1
			NzAxWjARMQ8wDQYDVQQDDAZvcmRlcnMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
			AAQm5uD3mqeXF1+YPBX1fqS0vnogCJ87Cb0vNOvJeTClnos25aCBLIQJBP4itvQ7
			DkyUPgpgK33NvmWz5DT4rMLGo3sweTAdBgNVHQ4EFgQURuULCL0B5b2JByHYbAJ/
			rr79PUcwHwYDVR0jBBgwFoAURuULCL0B5b2JByHYbAJ/rr79PUcwDwYDVR0TAQH/
			BAUwAwEB/zAmBgNVHREEHzAdhhtzcGlmZmU6Ly9leGFtcGxlLm9yZy9vcmRlcnMw
			CgYIKoZIzj0EAwIDRwAwRAIgSiPLfcNPL6GmTBJE4nM3Y6XdeUcBy45drCvlRzfF
			q34CIGWbVRSwJ3j3gWn3UZoo4XQe0JOyekMp2EAy6aKgV4g7
			-----END CERTIFICATE-----
			""";

	private TestCertificates() {
	}

	public static X509Certificate orders() {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(ORDERS.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
