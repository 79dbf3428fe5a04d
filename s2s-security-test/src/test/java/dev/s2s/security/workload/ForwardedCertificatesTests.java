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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ForwardedCertificates} and {@link TrustedProxies}: what a trusted
 * proxy's header yields, and every way it can be broken (400) or lie (401).
 */
class ForwardedCertificatesTests {

	private static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	private static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	private static final TestCertificate payment = ca.svid("ns/shop/sa/payment-service");

	private final ForwardedCertificates xfcc = ForwardedCertificates
		.xForwardedClientCert(TrustedProxies.of(List.of("127.0.0.1/32")));

	private final ForwardedCertificates clientCert = ForwardedCertificates
		.clientCert(TrustedProxies.of(List.of("127.0.0.1/32")));

	static String xfcc(TestCertificate certificate) {
		return "By=spiffe://prod.example.org/ns/shop/sa/inventory-service;Hash=" + hash(certificate) + ";Cert=\""
				+ URLEncoder.encode(pem(certificate), StandardCharsets.UTF_8)
				+ "\";Subject=\"CN=test-workload\";URI=spiffe://prod.example.org/ns/shop/sa/order-service";
	}

	static String clientCert(TestCertificate certificate) {
		return ":" + Base64.getEncoder().encodeToString(der(certificate)) + ":";
	}

	@Test
	void readWhenEnvoyElementThenItsCertificate() {
		assertThat(this.xfcc.read(List.of(xfcc(order)))).isEqualTo(order.certificate());
	}

	@Test
	void readWhenSeveralElementsThenOnlyTheLastHopCounts() {
		assertThat(this.xfcc.read(List.of(xfcc(payment) + "," + xfcc(order)))).isEqualTo(order.certificate());
	}

	@Test
	void readWhenNoHeaderThenNoCertificate() {
		assertThat(this.xfcc.read(List.of())).isNull();
		assertThat(this.clientCert.read(List.of())).isNull();
	}

	@Test
	void readWhenSeveralHeaderLinesThenInvalidRequest() {
		assertMalformed(this.xfcc, List.of(xfcc(order), xfcc(order)));
		assertMalformed(this.clientCert, List.of(clientCert(order), clientCert(order)));
	}

	@Test
	void readWhenHashDoesNotMatchTheCertThenInvalidCertificate() {
		String lying = xfcc(order).replace(hash(order), hash(payment));
		assertInvalid(this.xfcc, lying, "does not match its Hash");
	}

	@Test
	void readWhenHashIsUpperCaseHexThenStillMatches() {
		assertThat(this.xfcc.read(List.of(xfcc(order).replace(hash(order), hash(order).toUpperCase()))))
			.isEqualTo(order.certificate());
	}

	@Test
	void readWhenNoCertThenInvalidCertificate() {
		assertInvalid(this.xfcc, "Hash=" + hash(order) + ";URI=spiffe://prod.example.org/ns/shop/sa/order-service",
				"has no Cert");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Cert=\"unterminated", "Cert", "=x", "Cert=a\"b\"", "Cert=\"a\"b", "Cert=\"a\\",
			"Cert=%zz", "Cert=a;;Hash=b", "Cert=a;Cert=b", "Hash=a;Hash=b;Cert=c", ";", ",", "Cert=a,"

	})

	void readWhenXfccIsBrokenThenInvalidRequest(String value) {
		assertMalformed(this.xfcc, List.of(value));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Cert=not-a-certificate",
			"Cert=\"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\"" })
	void readWhenCertIsGarbageThenInvalidCertificate(String value) {
		assertInvalid(this.xfcc, value, "not one X.509 certificate");
	}

	@Test
	void readWhenTwoCertificatesInOneCertThenInvalidCertificate() {
		String two = "Cert=\"" + URLEncoder.encode(pem(order) + pem(payment), StandardCharsets.UTF_8) + "\"";
		assertInvalid(this.xfcc, two, "not one X.509 certificate");
	}

	@Test
	void readWhenClientCertIsAByteSequenceThenItsCertificate() {
		assertThat(this.clientCert.read(List.of(clientCert(order)))).isEqualTo(order.certificate());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ":", "abc", ":abc", "abc:", ":not base64!:", "\"" })
	void readWhenClientCertIsNoByteSequenceThenInvalidRequest(String value) {
		assertMalformed(this.clientCert, List.of(value));
	}

	@Test
	void readWhenClientCertIsNoCertificateThenInvalidCertificate() {
		assertInvalid(this.clientCert, ":" + Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }) + ":",
				"not one X.509 certificate");
	}

	@Test
	void trustsOnlyPeersInItsRanges() {
		TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1/32", "::1/128", "10.0.0.0/8"));
		assertThat(proxies.trusts("127.0.0.1")).isTrue();
		assertThat(proxies.trusts("10.200.3.4")).isTrue();
		assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(proxies.trusts("127.0.0.2")).isFalse();
		assertThat(proxies.trusts("11.0.0.1")).isFalse();
		assertThat(proxies.trusts(null)).isFalse();
		assertThat(proxies.trusts("localhost")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "10.0.0.0/33", "10.0.0.0/x", "", "10.0.0.0/", "/8", "::1/129" })
	void ofWhenNotACidrRangeThenRefused(String range) {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of(range)))
			.withMessageContaining("CIDR");
	}

	private static void assertMalformed(ForwardedCertificates forwarded, List<String> values) {
		assertThatExceptionOfType(RejectedCertificateException.class).isThrownBy(() -> forwarded.read(values))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(RejectedCertificateException.INVALID_REQUEST);
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
			});
	}

	private static void assertInvalid(ForwardedCertificates forwarded, String value, String message) {
		assertThatExceptionOfType(RejectedCertificateException.class).isThrownBy(() -> forwarded.read(List.of(value)))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectedCertificateException.INVALID_CERTIFICATE));
	}

	static String pem(TestCertificate certificate) {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der(certificate))
				+ "\n-----END CERTIFICATE-----\n";
	}

	static byte[] der(TestCertificate certificate) {
		try {
			return certificate.certificate().getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hash(TestCertificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der(certificate)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
