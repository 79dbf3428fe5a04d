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
package dev.s2s.security.autoconfigure.inbound;

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationAutoConfiguration;
import dev.s2s.security.autoconfigure.web.S2sWebSecurityAutoConfiguration;
import dev.s2s.security.workload.CertificateAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CertificateConfiguration}: what
 * {@code s2s.security.inbound.certificates} turns into, and the configurations that
 * cannot work.
 */
class CertificateConfigurationTests {

	private static final String ISSUER = "s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform";

	private static final String TRUST_DOMAIN = "s2s.security.inbound.certificates.trust-domains[0]=prod.example.org";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
				S2sAuthorizationAutoConfiguration.class, S2sWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=inventory-service", ISSUER);

	@Test
	void readsNoCertificateWhenNoneIsConfigured() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(CertificateAuthenticator.class)
			.satisfies((authenticator) -> assertThat(authenticator.authenticatesCertificates()).isFalse()));
	}

	@Test
	void authenticatesCertificatesOfATrustDomainWhenTheServerAsksForThem() {
		this.contextRunner.withPropertyValues(TRUST_DOMAIN, "server.ssl.client-auth=want")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(CertificateAuthenticator.class)
				.satisfies((authenticator) -> assertThat(authenticator.authenticatesCertificates()).isTrue()));
	}

	@Test
	void startupFailsWhenTheServerNeverAsksForACertificate() {
		this.contextRunner.withPropertyValues(TRUST_DOMAIN)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("server.ssl.client-auth")
				.hasMessageContaining("server.ssl.client-auth: need"));
	}

	@Test
	void startupFailsWhenTheSubjectIsTheIdentityAndTheServerNeverAsks() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.certificates.identity=subject-common-name",
					"server.ssl.client-auth=none")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("server.ssl.client-auth"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			spiffe://{trust-domain}/ns/{namespace}/sa/{name}   | names the service in one path segment
			spiffe://prod.example.org/sa/{service-id}          | starts with 'spiffe://{trust-domain}/'
			spiffe://{trust-domain}/{service-id}/{service-id}  | once
			spiffe://{trust-domain}/sa/svc-{service-id}        | whole-segment placeholder
			spiffe://{trust-domain}/sa/../{service-id}         | neither a SPIFFE ID path segment
			""")
	void startupFailsOnATemplateThatCannotNameAService(String template, String message) {
		this.contextRunner
			.withPropertyValues(TRUST_DOMAIN, "server.ssl.client-auth=need",
					"s2s.security.inbound.certificates.service-id-template=" + template)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.certificates.service-id-template")
				.hasMessageContaining(message));
	}

	@ParameterizedTest
	@CsvSource({ "spiffe://prod.example.org", "Prod.Example.org", "prod.example.org/ns" })
	void startupFailsOnATrustDomainWrittenAsSomethingElse(String trustDomain) {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.certificates.trust-domains[0]=" + trustDomain,
					"server.ssl.client-auth=need")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.certificates.trust-domains[0]")
				.hasMessageContaining("e.g. 'prod.example.org'"));
	}

	@ParameterizedTest
	@CsvSource({ "certificate", "both" })
	void startupFailsWhenACertificateIsRequiredAndNoneIsAuthenticated(String requiredProof) {
		this.contextRunner.withPropertyValues("s2s.security.inbound.certificates.required-proof=" + requiredProof)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.certificates.required-proof")
				.hasMessageContaining("trust-domains[0]: prod.example.org"));
	}

	@Test
	void startupFailsWhenTrustDomainsAreSetForSubjectIdentities() {
		this.contextRunner
			.withPropertyValues(TRUST_DOMAIN, "s2s.security.inbound.certificates.identity=subject-common-name",
					"server.ssl.client-auth=need")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.certificates.trust-domains")
				.hasMessageContaining("use 'identity: spiffe'"));
	}

	@ParameterizedTest
	@CsvSource({ "localhost", "10.0.0.0/33", "10.0.0.0/x" })
	void startupFailsOnATrustedProxyThatIsNoCidrRange(String range) {
		this.contextRunner
			.withPropertyValues(TRUST_DOMAIN, "s2s.security.inbound.certificates.forwarded.trusted-proxies[0]=" + range)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.certificates.forwarded.trusted-proxies[0]")
				.hasMessageContaining("such as '127.0.0.1/32'"));
	}

	@Test
	void startupFailsWhenForwardedCertificatesWouldBeReadButNoneIsAuthenticated() {
		this.contextRunner
			.withPropertyValues("s2s.security.inbound.certificates.forwarded.trusted-proxies[0]=127.0.0.1/32")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.inbound.certificates.forwarded.trusted-proxies")
				.hasMessageContaining("none is authenticated"));
	}

	@Test
	void behindTrustedProxiesTheServerNeedNotAskForCertificates() {
		this.contextRunner
			.withPropertyValues(TRUST_DOMAIN,
					"s2s.security.inbound.certificates.forwarded.trusted-proxies[0]=127.0.0.1/32")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(CertificateAuthenticator.class)
				.satisfies((authenticator) -> assertThat(authenticator.forwarded()).isNotNull()));
	}

}
