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

import java.util.List;
import java.util.Locale;

import dev.s2s.security.autoconfigure.inbound.CertificateProperties.ForwardedHeader;
import dev.s2s.security.autoconfigure.inbound.CertificateProperties.Identity;
import dev.s2s.security.workload.CertificateAuthenticator;
import dev.s2s.security.workload.ForwardedCertificates;
import dev.s2s.security.workload.ServiceIdTemplate;
import dev.s2s.security.workload.TrustedProxies;
import dev.s2s.security.workload.WorkloadIdentities;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How client certificates prove callers, from {@code s2s.security.inbound.certificates}.
 * Without trust domains (or the subject as identity) the authenticator reads no
 * certificate and refuses certificate-bound tokens.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

	private static final String CLIENT_AUTH = "server.ssl.client-auth";

	@Bean
	@ConditionalOnMissingBean
	CertificateAuthenticator s2sCertificateAuthenticator(S2sInboundProperties properties, Environment environment) {
		CertificateProperties certificates = properties.getCertificates();
		certificates.validate();
		if (!certificates.isEnabled()) {
			return CertificateAuthenticator.none();
		}
		List<String> proxies = certificates.getForwarded().getTrustedProxies();
		if (proxies.isEmpty()) {
			requireClientAuth(environment);
		}
		WorkloadIdentities identities = (certificates.getIdentity() == Identity.SUBJECT_COMMON_NAME)
				? WorkloadIdentities.subjectCommonName() : WorkloadIdentities
					.spiffe(ServiceIdTemplate.of(certificates.getServiceIdTemplate()), certificates.getTrustDomains());
		CertificateAuthenticator authenticator = CertificateAuthenticator.of(
				identities.withClientAuthUsageRequired(certificates.isRequireClientAuthUsage()),
				certificates.getRequiredProof());
		if (proxies.isEmpty()) {
			return authenticator;
		}
		TrustedProxies trusted = TrustedProxies.of(proxies);
		return authenticator.withForwarded((certificates.getForwarded().getHeader() == ForwardedHeader.CLIENT_CERT)
				? ForwardedCertificates.clientCert(trusted) : ForwardedCertificates.xForwardedClientCert(trusted));
	}

	/**
	 * On Tomcat, the TCP peer is recorded before any valve (such as the
	 * {@code RemoteIpValve} of {@code server.forward-headers-strategy: native}) rewrites
	 * the client address from headers.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
	static class TomcatPeerAddressConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> s2sPeerAddressValve(
				S2sInboundProperties properties) {
			return (factory) -> {
				if (!properties.getCertificates().getForwarded().getTrustedProxies().isEmpty()) {
					factory.addEngineValves(new PeerAddressValve());
				}
			};
		}

	}

	/**
	 * A server that never asks for a client certificate never gets one: authenticating
	 * certificates would silently do nothing.
	 */
	private static void requireClientAuth(Environment environment) {
		String clientAuth = environment.getProperty(CLIENT_AUTH);
		String mode = (clientAuth != null) ? clientAuth.trim().toLowerCase(Locale.ROOT) : "none";
		if (!mode.equals("need") && !mode.equals("want")) {
			throw new InvalidConfigurationPropertyValueException(CLIENT_AUTH, clientAuth,
					"Client certificates are authenticated ('" + CertificateProperties.PREFIX
							+ "trust-domains' or 'identity'), but the server never asks for one: set '" + CLIENT_AUTH
							+ ": need' (or 'want', to also accept callers with a token alone) with "
							+ "'server.ssl.bundle'.");
		}
	}

}
