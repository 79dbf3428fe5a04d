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

package dev.s2s.security.outbound;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundAutoConfiguration;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.RecordedRequest;
import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * RFC 8705 client authentication at the token endpoint, against the fake issuer's
 * mutual-TLS token endpoint over real TLS: {@code tls_client_auth} and
 * {@code self_signed_tls_client_auth} get tokens bound to the certificate with no secret
 * or key sent; a certificate the issuer does not know gets none; a configuration that
 * would send another credential, or no certificate, fails startup naming the key.
 */
class TokenEndpointCertificateAuthenticationTests {

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	static final FakeTokenIssuer issuer = FakeTokenIssuer.builder().mutualTls(ca).start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=order-service",
				"s2s.security.outbound.token-uri=" + issuer.mutualTlsTokenUri(),
				"s2s.security.outbound.client-authentication-method=tls_client_auth",
				"s2s.security.outbound.ssl-bundle=order",
				"s2s.security.outbound.targets.inventory-service.base-urls=https://127.0.0.1:1",
				"s2s.security.outbound.targets.inventory-service.audience=inventory-service")
		.withPropertyValues(TargetClientCertificateTests.properties(order.sslBundleProperties("order", ca)));

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@BeforeEach
	void register() {
		issuer.reset();
		issuer.registerTlsClient("order-service", "spiffe://prod.example.org/ns/shop/sa/order-service");
	}

	@Test
	void tlsClientAuthGetsATokenBoundToTheCertificateWithoutASecret() {
		this.contextRunner.run((context) -> {
			String token = context.getBean(ServiceTokens.class).getToken("inventory-service");
			assertThat(confirmation(token)).containsEntry("x5t#S256", order.thumbprint());
			RecordedRequest request = issuer.requests(Endpoint.TOKEN).get(0);
			assertThat(request.clientAuthentication()).isEqualTo("tls_client_auth");
			assertThat(request.clientId()).isEqualTo("order-service");
			assertThat(request.status()).isEqualTo(200);
		});
	}

	@Test
	void tlsClientAuthRegisteredBySubjectDn() {
		TestCertificate named = ca.certificate().subject("CN=order-service, O=shop").issue();
		// As an identity provider registers it: the RFC 4514 string of the subject.
		issuer.registerTlsClient("order-service", named.certificate().getSubjectX500Principal().getName());
		this.contextRunner
			.withPropertyValues(TargetClientCertificateTests.properties(named.sslBundleProperties("order", ca)))
			.run((context) -> assertThat(
					confirmation(context.getBean(ServiceTokens.class).getToken("inventory-service")))
				.containsEntry("x5t#S256", named.thumbprint()));
	}

	@Test
	void selfSignedTlsClientAuthGetsATokenBoundToTheRegisteredCertificate() {
		TestCertificate self = ca.certificate().subject("CN=order-service").selfSigned().issue();
		issuer.registerSelfSignedTlsClient("order-service", self.certificate());
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.client-authentication-method=self_signed_tls_client_auth")
			.withPropertyValues(TargetClientCertificateTests.properties(self.sslBundleProperties("order", ca)))
			.run((context) -> {
				String token = context.getBean(ServiceTokens.class).getToken("inventory-service");
				assertThat(confirmation(token)).containsEntry("x5t#S256", self.thumbprint());
				assertThat(issuer.requests(Endpoint.TOKEN).get(0).clientAuthentication())
					.isEqualTo("self_signed_tls_client_auth");
			});
	}

	@Test
	void certificateOfAnotherSubjectGetsNoToken() {
		TestCertificate payment = ca.svid("ns/shop/sa/payment-service");
		this.contextRunner
			.withPropertyValues(TargetClientCertificateTests.properties(payment.sslBundleProperties("order", ca)))
			.run((context) -> {
				assertThatExceptionOfType(ServiceTokenException.class)
					.isThrownBy(() -> context.getBean(ServiceTokens.class).getToken("inventory-service"))
					.withMessageContaining("invalid_client");
				assertThat(issuer.requests(Endpoint.TOKEN).get(0).status()).isEqualTo(401);
			});
	}

	@Test
	void selfSignedCertificateIsNotATlsClientAuthCertificate() {
		TestCertificate self = ca.certificate().spiffeId("ns/shop/sa/order-service").selfSigned().issue();
		this.contextRunner
			.withPropertyValues(TargetClientCertificateTests.properties(self.sslBundleProperties("order", ca)))
			.run((context) -> assertThatExceptionOfType(ServiceTokenException.class)
				.isThrownBy(() -> context.getBean(ServiceTokens.class).getToken("inventory-service"))
				.withMessageContaining("invalid_client"));
	}

	@Test
	void bundleUpdatedInTheRegistryAuthenticatesTheNextTokenRequest() {
		TestCertificate rotated = ca.svid("ns/shop/sa/order-service");
		this.contextRunner.run((context) -> {
			ServiceTokens tokens = context.getBean(ServiceTokens.class);
			String first = tokens.getToken("inventory-service");
			context.getBean(SslBundleRegistry.class).updateBundle("order", rotated.sslBundle(ca));
			tokens.invalidate("inventory-service", null, first);
			String second = tokens.getToken("inventory-service");
			assertThat(confirmation(first)).containsEntry("x5t#S256", order.thumbprint());
			assertThat(confirmation(second)).containsEntry("x5t#S256", rotated.thumbprint());
		});
	}

	@Test
	void secretAlongsideCertificateAuthenticationFailsStartup() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.client-secret=forgotten")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.client-secret")
				.hasMessageNotContaining("forgotten")
				.hasMessageContaining("no secret or key is sent"));
	}

	@Test
	void privateKeyAlongsideCertificateAuthenticationFailsStartup() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.private-key-file=/run/secrets/key.pem")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.private-key-file"));
	}

	@Test
	void certificateAuthenticationWithoutABundleFailsStartup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class,
					S2sOutboundAutoConfiguration.class, SslAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=order-service",
					"s2s.security.outbound.token-uri=" + issuer.mutualTlsTokenUri(),
					"s2s.security.outbound.client-authentication-method=tls_client_auth")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.ssl-bundle"));
	}

	@Test
	void bundleWithoutAKeyStoreFailsStartup() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.ssl-bundle=trust",
					"spring.ssl.bundle.pem.trust.truststore.certificate=" + ca.caCertificatePem())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.ssl-bundle")
				.hasMessageContaining("no key store"));
	}

	@Test
	void unknownTokenEndpointBundleFailsStartup() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.ssl-bundle=orders")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.ssl-bundle")
				.hasMessageContaining("There is no SSL bundle 'orders'"));
	}

	@Test
	void certificateAuthenticationOverPlainHttpFailsStartup() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.token-uri=" + issuer.tokenUri())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.token-uri")
				.hasMessageContaining("https://"));
	}

	@Test
	void certificateAuthenticationWithAnIssuerUriFailsStartup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class,
					S2sOutboundAutoConfiguration.class, SslAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=order-service",
					"s2s.security.outbound.issuer-uri=" + issuer.issuerUri(),
					"s2s.security.outbound.client-authentication-method=tls_client_auth",
					"s2s.security.outbound.ssl-bundle=order")
			.withPropertyValues(TargetClientCertificateTests.properties(order.sslBundleProperties("order", ca)))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.token-uri")
				.hasMessageContaining("mtls_endpoint_aliases"));
	}

	static Map<String, Object> confirmation(String token) throws ParseException {
		return SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf");
	}

}
