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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WorkloadIdentities} and {@link ServiceIdTemplate}: every certificate
 * that must not name a service, with the reason it gives.
 */
class WorkloadIdentitiesTests {

	private static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	private static final TestCertificateAuthority partner = TestCertificateAuthority.create("partner.example.org");

	private final WorkloadIdentities identities = WorkloadIdentities.spiffe(
			ServiceIdTemplate.of("spiffe://{trust-domain}/ns/{namespace}/sa/{service-id}"),
			List.of("prod.example.org"));

	@Test
	void serviceIdWhenSvidMatchesTheTemplateThenTheServiceSegment() {
		assertThat(this.identities.serviceId(ca.svid("ns/shop/sa/order-service").certificate()))
			.isEqualTo("order-service");
	}

	@Test
	void serviceIdWhenNoUriSanThenRejected() {
		assertRejected(ca.certificate().dnsName("order-service.shop.svc").issue(),
				"The client certificate has no URI SAN");
	}

	@Test
	void serviceIdWhenTwoUriSansThenRejectedEvenIfOneIsGood() {
		assertRejected(ca.certificate().spiffeId("ns/shop/sa/order-service").spiffeId("ns/shop/sa/admin").issue(),
				"several URI SANs");
	}

	@Test
	void serviceIdWhenTrustDomainIsNotTrustedThenRejected() {
		assertRejected(partner.svid("ns/shop/sa/order-service"), "trust domain is not trusted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "spiffe://prod.example.org/order-service", "spiffe://prod.example.org/ns/shop/sa/a/b",
			"spiffe://prod.example.org/ns/shop/x/order-service" })
	void serviceIdWhenSpiffeIdDoesNotMatchTheTemplateThenRejected(String uri) {
		assertRejected(ca.certificate().uri(uri).issue(), "does not match the service id template");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SPIFFE://prod.example.org/ns/shop/sa/order-service",
			"spiffe://Prod.example.org/ns/shop/sa/order-service",
			"spiffe://prod.example.org:443/ns/shop/sa/order-service",
			"spiffe://user@prod.example.org/ns/shop/sa/order-service",
			"spiffe://prod.example.org/ns/shop/sa/order-service?x=1",
			"spiffe://prod.example.org/ns/shop/sa/order-service#x",
			"spiffe://prod.example.org/ns/shop/sa/order%2Dservice", "spiffe://prod.example.org/ns/../sa/order-service",
			"spiffe://prod.example.org/ns//sa/order-service", "spiffe://prod.example.org/ns/shop/sa/order-service/",
			"spiffe://prod.example.org", "https://prod.example.org/ns/shop/sa/order-service" })
	void serviceIdWhenUriSanIsNotAStrictSpiffeIdThenRejected(String uri) {
		assertRejected(ca.certificate().uri(uri).issue(), "is not a SPIFFE ID");
	}

	@Test
	void serviceIdWhenExpiredThenRejected() {
		assertRejected(ca.certificate().spiffeId("ns/shop/sa/order-service").expired().issue(), "has expired");
	}

	@Test
	void serviceIdWhenNotYetValidThenRejected() {
		assertRejected(ca.certificate().spiffeId("ns/shop/sa/order-service").notYetValid().issue(), "is not yet valid");
	}

	@Test
	void serviceIdChecksValidityWithItsClock() {
		TestCertificate svid = ca.svid("ns/shop/sa/order-service");
		Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
		assertThatExceptionOfType(RejectedCertificateException.class)
			.isThrownBy(() -> this.identities.withClock(later).serviceId(svid.certificate()))
			.withMessage("The client certificate has expired");
	}

	@Test
	void serviceIdWhenExtendedKeyUsageLacksClientAuthThenRejected() {
		assertRejected(ca.certificate().spiffeId("ns/shop/sa/order-service").extendedKeyUsage("serverAuth").issue(),
				"excludes clientAuth");
	}

	@Test
	void serviceIdWhenExtendedKeyUsageIsMissingThenRejectedUnlessAllowed() {
		TestCertificate any = ca.certificate().spiffeId("ns/shop/sa/order-service").withoutExtendedKeyUsage().issue();
		assertRejected(any, "has no extended key usage");
		assertThat(this.identities.withClientAuthUsageRequired(false).serviceId(any.certificate()))
			.isEqualTo("order-service");
	}

	@Test
	void serviceIdWhenCaCertificateThenRejected() {
		assertRejected(ca.certificate().spiffeId("ns/shop/sa/order-service").ca().issue(), "is a CA certificate");
	}

	@Test
	void subjectCommonNameWhenOneCnThenItIsTheServiceId() {
		assertThat(WorkloadIdentities.subjectCommonName()
			.serviceId(ca.certificate().subject("CN=order-service, OU=shop, O=example").issue().certificate()))
			.isEqualTo("order-service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "O=example", "CN=order-service, CN=admin", "CN=order-service+CN=admin, O=example" })
	void subjectCommonNameWhenNoneOrSeveralThenRejected(String subject) {
		assertThatExceptionOfType(RejectedCertificateException.class)
			.isThrownBy(() -> WorkloadIdentities.subjectCommonName()
				.serviceId(ca.certificate().subject(subject).issue().certificate()))
			.withMessageContaining("no or several CN")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("invalid_certificate"));
	}

	@Test
	void subjectCommonNameIsParsedNotMatched() {
		// Substring matching on "CN=order-service" would take this for order-service.
		assertThat(WorkloadIdentities.subjectCommonName()
			.serviceId(ca.certificate().subject("CN=order-service.evil, O=example").issue().certificate()))
			.isEqualTo("order-service.evil");
		assertThat(WorkloadIdentities.subjectCommonName()
			.serviceId(ca.certificate().subject("OU=order-service, CN=payment-service").issue().certificate()))
			.isEqualTo("payment-service");
	}

	private void assertRejected(TestCertificate certificate, String message) {
		assertThatExceptionOfType(RejectedCertificateException.class)
			.isThrownBy(() -> this.identities.serviceId(certificate.certificate()))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectedCertificateException.INVALID_CERTIFICATE));
	}

}
