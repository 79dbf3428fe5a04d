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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.net.ssl.SSLContext;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Workload identities over real mTLS on loopback: the server's SSL bundle trusts two
 * authorities (its own trust domain's and a partner's), asks for client certificates
 * ({@code server.ssl.client-auth: want}), and trusts only its own trust domain's
 * workloads. Every refusal is asserted with its reason (the refusal metric and the
 * {@code WWW-Authenticate} description), every success with the proof it records.
 *
 * @author s2s-security team
 */
abstract class WorkloadIdentityIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	/** Trusted by the server's trust store, but its trust domain is not trusted. */
	static final TestCertificateAuthority partner = TestCertificateAuthority.create("partner.example.org");

	/** Not in the server's trust store at all (even with the trusted trust domain). */
	static final TestCertificateAuthority stranger = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	private static final String REFUSALS = "s2s.security.inbound.refusals";

	private static final String DECISIONS = "s2s.security.authorization.decisions";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Events events;

	static void properties(DynamicPropertyRegistry registry) {
		ca.serverCertificate()
			.sslBundleProperties("server", ca, partner)
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("server.ssl.bundle", () -> "server");
		registry.add("server.ssl.client-auth", () -> "want");
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.certificates.trust-domains[0]", () -> "prod.example.org");
		registry.add("s2s.security.authorization.publish-granted-events", () -> "true");
	}

	@BeforeEach
	void clearEvents() {
		this.events.clear();
	}

	@Test
	void svidAloneIsAServiceCallerProvenByItsCertificate() throws Exception {
		HttpResponse<String> response = send(order, null, "/stock");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service:order-service proof=certificate");
		assertThat(decisions("allowed", "certificate")).isPositive();
		assertThat(this.events.audits).anySatisfy((audit) -> {
			assertThat(audit.getAuditEvent().getType()).isEqualTo("S2S_AUTHORIZATION_GRANTED");
			assertThat(audit.getAuditEvent().getData()).containsEntry("serviceId", "order-service")
				.containsEntry("proof", "certificate");
		});
	}

	@Test
	void svidOfAServiceTheAnnotationDoesNotListIsForbidden() throws Exception {
		HttpResponse<String> response = send(ca.svid("ns/shop/sa/payment-service"), null, "/stock");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(decisions("denied", "certificate")).isPositive();
		assertThat(this.events.audits).anySatisfy((audit) -> {
			assertThat(audit.getAuditEvent().getType()).isEqualTo("S2S_AUTHORIZATION_DENIED");
			assertThat(audit.getAuditEvent().getData()).containsEntry("serviceId", "payment-service")
				.containsEntry("reason", "service_not_listed")
				.containsEntry("proof", "certificate");
		});
	}

	@Test
	void tokenAloneStillWorksAndRecordsItsProof() throws Exception {
		HttpResponse<String> response = send(null, token("order-service"), "/stock");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service:order-service proof=token");
	}

	@Test
	void tokenAndCertificateOfOneServiceRecordBothProofs() throws Exception {
		HttpResponse<String> response = send(order, token("order-service"), "/stock");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service:order-service proof=token_and_certificate");
		assertThat(decisions("allowed", "token_and_certificate")).isPositive();
	}

	@Test
	void genuineCertificateContradictingTheTokenIsRefused() throws Exception {
		assertRefused(send(ca.svid("ns/shop/sa/payment-service"), token("order-service"), "/stock"),
				"certificate_mismatch", "name different services");
	}

	@Test
	void boundTokenWithItsCertificateIsAccepted() throws Exception {
		String bound = issuer.serviceToken("order-service")
			.audience("inventory-service")
			.certificateBound(order.certificate())
			.sign();
		HttpResponse<String> response = send(order, bound, "/stock");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service:order-service proof=token_and_certificate");
	}

	@Test
	void boundTokenWithAnotherCertificateOfTheSameServiceIsRefused() throws Exception {
		String bound = issuer.serviceToken("order-service")
			.audience("inventory-service")
			.certificateBound(order.certificate())
			.sign();
		assertRefused(send(ca.svid("ns/shop/sa/order-service"), bound, "/stock"), "certificate_mismatch",
				"bound to another client certificate");
	}

	@Test
	void boundTokenWithoutACertificateIsRefused() throws Exception {
		String bound = issuer.serviceToken("order-service")
			.audience("inventory-service")
			.certificateBound(order.certificate())
			.sign();
		assertRefused(send(null, bound, "/stock"), "certificate_mismatch", "none was presented");
		assertThat(this.events.failures).singleElement()
			.satisfies((event) -> assertThat(event.getException().getCause()).isInstanceOfSatisfying(
					RejectedCertificateException.class,
					(rejected) -> assertThat(rejected.getReason()).isEqualTo("certificate_mismatch")));
	}

	@Test
	void certificateWithTwoUriSansNeverAuthenticates() throws Exception {
		TestCertificate two = ca.certificate()
			.spiffeId("ns/shop/sa/order-service")
			.spiffeId("ns/shop/sa/payment-service")
			.issue();
		assertRefused(send(two, null, "/stock"), "invalid_certificate", "several URI SANs");
		assertRefused(send(two, token("order-service"), "/stock"), "invalid_certificate", "several URI SANs");
	}

	@Test
	void certificateWithoutUriSanNeverAuthenticates() throws Exception {
		assertRefused(send(ca.certificate().dnsName("order-service").issue(), null, "/stock"), "invalid_certificate",
				"no URI SAN");
	}

	@Test
	void certificateOfAnUntrustedTrustDomainNeverAuthenticates() throws Exception {
		assertRefused(send(partner.svid("ns/shop/sa/order-service"), null, "/stock"), "invalid_certificate",
				"trust domain is not trusted");
	}

	@Test
	void spiffeIdOutsideTheTemplateNeverAuthenticates() throws Exception {
		assertRefused(send(ca.certificate().uri("spiffe://prod.example.org/order-service").issue(), null, "/stock"),
				"invalid_certificate", "does not match the service id template");
	}

	@Test
	void certificateWithoutExtendedKeyUsageNeverAuthenticates() throws Exception {
		// JSSE accepts it (the extension is absent); s2s-security does not.
		assertRefused(send(ca.certificate().spiffeId("ns/shop/sa/order-service").withoutExtendedKeyUsage().issue(),
				null, "/stock"), "invalid_certificate", "no extended key usage");
	}

	@Test
	void expiredNotYetValidServerOnlyOrForeignCertificatesFailTheHandshake() {
		for (TestCertificate certificate : new TestCertificate[] {
				ca.certificate().spiffeId("ns/shop/sa/order-service").expired().issue(),
				ca.certificate().spiffeId("ns/shop/sa/order-service").notYetValid().issue(),
				ca.certificate().spiffeId("ns/shop/sa/order-service").extendedKeyUsage("serverAuth").issue(),
				stranger.svid("ns/shop/sa/order-service") }) {
			assertThatExceptionOfType(IOException.class).as(certificate.toString())
				.isThrownBy(() -> send(certificate, null, "/stock"));
		}
		assertThat(this.events.audits).isEmpty();
	}

	@Test
	void forwardedCertificateHeadersAreNeverReadFromAnUntrustedPeer() throws Exception {
		String pem = order.chainPem().replace("\n", "");
		HttpResponse<String> response = send(client(null),
				request(null, "/stock")
					.header("X-Forwarded-Client-Cert",
							"Hash=" + order.thumbprint() + ";Cert=\"" + pem
									+ "\";URI=spiffe://prod.example.org/ns/shop/sa/order-service")
					.header("Client-Cert", ":" + pem + ":")
					.header("X-SSL-Client-Cert", pem)
					.header("X-SSL-Client-Verify", "SUCCESS")
					.build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(refusals("missing_token")).isPositive();
	}

	@Test
	void genuineCertificateWinsOverAForgedHeaderThatContradictsIt() throws Exception {
		HttpResponse<String> response = send(client(ca.svid("ns/shop/sa/payment-service")),
				request(null, "/stock").header("X-Forwarded-Client-Cert", ForwardedCertificatesTests.xfcc(order))
					.header("Client-Cert", ForwardedCertificatesTests.clientCert(order))
					.build());
		// The caller is the certificate's payment-service, which the annotation does not
		// list.
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(decisions("denied", "certificate")).isPositive();
	}

	void assertRefused(HttpResponse<String> response, String reason, String description) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).contains("error=\"invalid_token\"").contains(description));
		assertThat(refusals(reason)).isPositive();
	}

	double refusals(String reason) {
		Counter counter = this.meters.find(REFUSALS).tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	double decisions(String outcome, String proof) {
		Counter counter = this.meters.find(DECISIONS).tag("outcome", outcome).tag("caller.proof", proof).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static String token(String serviceId) {
		return issuer.serviceToken(serviceId).audience("inventory-service").sign();
	}

	HttpResponse<String> send(TestCertificate certificate, String token, String path)
			throws IOException, InterruptedException {
		return send(client(certificate), request(token, path).build());
	}

	HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String token, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	static HttpClient client(TestCertificate certificate) {
		SSLContext tls = (certificate != null) ? certificate.sslContext(ca) : ca.sslContext();
		return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
	}

	/**
	 * Records Spring Security's failures and Boot's audit events.
	 */
	static class Events {

		final Queue<AbstractAuthenticationFailureEvent> failures = new ConcurrentLinkedQueue<>();

		final Queue<AuditApplicationEvent> audits = new ConcurrentLinkedQueue<>();

		@EventListener
		void onFailure(AbstractAuthenticationFailureEvent event) {
			this.failures.add(event);
		}

		@EventListener
		void onAudit(AuditApplicationEvent event) {
			this.audits.add(event);
		}

		void clear() {
			this.failures.clear();
			this.audits.clear();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(StockController.class)
	static class Endpoints {

		@Bean
		Events events() {
			return new Events();
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@RestController
	@ServiceCaller("order-service")
	static class StockController {

		@GetMapping("/stock")
		Mono<String> stock(Authentication authentication) {
			CallerAuthentication caller = (CallerAuthentication) authentication;
			return Mono.just(caller.getCallerType().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.getName()
					+ " proof=" + caller.getProof().tag());
		}

	}

}
