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

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerProof;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CertificateAuthenticator}: how a token and a certificate make (or do
 * not make) a caller, under each {@link RequiredProof}.
 */
class CertificateAuthenticatorTests {

	private static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	private static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	private static final TestCertificate otherOrder = ca.svid("ns/shop/sa/order-service");

	private static final TestCertificate payment = ca.svid("ns/shop/sa/payment-service");

	private static final WorkloadIdentities identities = WorkloadIdentities.spiffe(
			ServiceIdTemplate.of("spiffe://{trust-domain}/ns/{namespace}/sa/{service-id}"),
			List.of("prod.example.org"));

	@Test
	void certificateAloneWhenAllowedThenServiceCallerWithX509Factor() {
		Authentication caller = authenticator(RequiredProof.EITHER).authenticate(null, order.certificate());
		assertThat(caller).isInstanceOfSatisfying(ServiceAuthentication.class, (service) -> {
			assertThat(service.getServiceId()).isEqualTo("order-service");
			assertThat(service.getProof()).isEqualTo(CallerProof.CERTIFICATE);
			assertThat(service.getToken()).isNull();
			assertThat(service.getCertificate()).isSameAs(order.certificate());
			assertThat(service.getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.containsExactly("FACTOR_X509");
		});
	}

	@Test
	void certificateNeverReplacesAnotherAuthenticationOfTheChain() {
		Authentication basic = UsernamePasswordAuthenticationToken.authenticated("operator", null, List.of());
		assertThat(authenticator(RequiredProof.EITHER).authenticate(basic, order.certificate())).isSameAs(basic);
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		assertThat(authenticator(RequiredProof.EITHER).authenticate(anonymous, order.certificate()))
			.isInstanceOf(ServiceAuthentication.class);
	}

	@Test
	void certificateAloneWhenTokenRequiredThenNoCaller() {
		assertThat(authenticator(RequiredProof.TOKEN).authenticate(null, order.certificate())).isNull();
		assertThat(authenticator(RequiredProof.BOTH).authenticate(null, order.certificate())).isNull();
	}

	@Test
	void tokenAloneWhenCertificateRequiredThenMissingCertificate() {
		for (RequiredProof required : List.of(RequiredProof.CERTIFICATE, RequiredProof.BOTH)) {
			assertRejected(() -> authenticator(required).authenticate(service("order-service", null), null),
					RejectedCertificateException.MISSING_CERTIFICATE, "A client certificate is required");
		}
	}

	@Test
	void tokenAloneWhenAllowedThenUnchanged() {
		ServiceAuthentication token = service("order-service", null);
		assertThat(authenticator(RequiredProof.EITHER).authenticate(token, null)).isSameAs(token);
		assertThat(authenticator(RequiredProof.TOKEN).authenticate(token, null)).isSameAs(token);
	}

	@Test
	void tokenAndCertificateOfOneServiceThenBothProofs() {
		Authentication caller = authenticator(RequiredProof.BOTH).authenticate(service("order-service", null),
				order.certificate());
		assertThat(caller).isInstanceOfSatisfying(ServiceAuthentication.class, (service) -> {
			assertThat(service.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE);
			assertThat(service.getScopes()).containsExactly("stock.read");
			assertThat(service.getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.contains("FACTOR_BEARER", "FACTOR_X509", "SCOPE_stock.read");
		});
	}

	@Test
	void tokenAndCertificateOfDifferentServicesThenMismatch() {
		assertRejected(
				() -> authenticator(RequiredProof.EITHER).authenticate(service("order-service", null),
						payment.certificate()),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "different services");
	}

	@Test
	void delegatedTokenIsComparedByItsActingService() {
		Jwt jwt = jwt(null);
		DelegatedAuthentication delegated = new DelegatedAuthentication(jwt, "alice", "order-service", Set.of(),
				Set.of());
		assertThat(authenticator(RequiredProof.EITHER).authenticate(delegated, order.certificate()))
			.isInstanceOf(DelegatedAuthentication.class);
		assertRejected(() -> authenticator(RequiredProof.EITHER).authenticate(delegated, payment.certificate()),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "different services");
	}

	@Test
	void userTokenKeepsTheCertificateItCameWith() {
		UserAuthentication user = new UserAuthentication(jwt(null), "alice", Set.of(), Set.of());
		assertThat(authenticator(RequiredProof.EITHER).authenticate(user, order.certificate())).isInstanceOfSatisfying(
				UserAuthentication.class,
				(caller) -> assertThat(caller.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE));
	}

	@Test
	void boundTokenWithItsCertificateThenAccepted() {
		assertThat(authenticator(RequiredProof.EITHER).authenticate(service("order-service", order.thumbprint()),
				order.certificate()))
			.isInstanceOfSatisfying(CallerAuthentication.class,
					(caller) -> assertThat(caller.getProof()).isEqualTo(CallerProof.TOKEN_AND_CERTIFICATE));
	}

	@Test
	void boundTokenWithAnotherCertificateOfTheSameServiceThenMismatch() {
		assertRejected(
				() -> authenticator(RequiredProof.EITHER).authenticate(service("order-service", order.thumbprint()),
						otherOrder.certificate()),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "bound to another client certificate");
	}

	@Test
	void boundTokenWithoutCertificateThenMismatch() {
		assertRejected(() -> authenticator(RequiredProof.EITHER)
			.authenticate(service("order-service", order.thumbprint()), null),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "none was presented");
	}

	@Test
	void boundTokenWhenNoCertificatesAreAuthenticatedThenMismatchEvenWithTheCertificate() {
		assertRejected(
				() -> CertificateAuthenticator.none()
					.authenticate(service("order-service", order.thumbprint()), order.certificate()),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "none was presented");
	}

	@Test
	void noneIgnoresCertificates() {
		assertThat(CertificateAuthenticator.none().authenticate(null, order.certificate())).isNull();
	}

	@Test
	void malformedConfirmationThenMismatch() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("cnf", "x").build();
		assertRejected(
				() -> authenticator(RequiredProof.EITHER).authenticate(
						new ServiceAuthentication(jwt, "order-service", Set.of(), Set.of()), order.certificate()),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "malformed");
		Jwt number = Jwt.withTokenValue("t").header("alg", "RS256").claim("cnf", Map.of("x5t#S256", 1)).build();
		assertRejected(
				() -> authenticator(RequiredProof.EITHER).authenticate(
						new ServiceAuthentication(number, "order-service", Set.of(), Set.of()), order.certificate()),
				RejectedCertificateException.CERTIFICATE_MISMATCH, "malformed");
	}

	@Test
	void confirmationOfADpopKeyIsNotThisChecks() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("cnf", Map.of("jkt", "abc")).build();
		ServiceAuthentication caller = new ServiceAuthentication(jwt, "order-service", Set.of(), Set.of());
		assertThat(authenticator(RequiredProof.EITHER).authenticate(caller, null)).isSameAs(caller);
	}

	@Test
	void badCertificateWithAGoodTokenThenRefused() {
		TestCertificate twoSans = ca.certificate()
			.spiffeId("ns/shop/sa/order-service")
			.spiffeId("ns/shop/sa/payment-service")
			.issue();
		assertRejected(() -> authenticator(RequiredProof.TOKEN).authenticate(service("order-service", null),
				twoSans.certificate()), RejectedCertificateException.INVALID_CERTIFICATE, "several URI SANs");
	}

	@Test
	void thumbprintIsSha256OverDerInBase64UrlWithoutPadding() throws Exception {
		byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(order.certificate().getEncoded());
		assertThat(CertificateThumbprint.of(order.certificate()))
			.isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
			.hasSize(43)
			.doesNotContain("=", "+", "/");
	}

	private static CertificateAuthenticator authenticator(RequiredProof required) {
		return CertificateAuthenticator.of(identities, required);
	}

	private static ServiceAuthentication service(String id, String thumbprint) {
		return new ServiceAuthentication(jwt(thumbprint), id, Set.of("stock.read"), Set.of());
	}

	private static Jwt jwt(String thumbprint) {
		Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").claim("sub", "x");
		if (thumbprint != null) {
			jwt.claim("cnf", Map.of("x5t#S256", thumbprint));
		}
		return jwt.build();
	}

	private static void assertRejected(Runnable call, String reason, String message) {
		assertThatExceptionOfType(RejectedCertificateException.class).isThrownBy(call::run)
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

}
