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

import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.workload.RequiredProof;
import dev.s2s.security.workload.ServiceIdTemplate;
import dev.s2s.security.workload.TrustedProxies;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Client certificates as workload identities ({@code s2s.security.inbound.certificates}).
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public class CertificateProperties {

	static final String PREFIX = "s2s.security.inbound.certificates.";

	/**
	 * Trust domains whose workloads may call, as in their SPIFFE IDs (e.g.
	 * 'prod.example.org'). Setting one authenticates client certificates by their SPIFFE
	 * ID.
	 */
	private List<String> trustDomains = new ArrayList<>();

	/**
	 * How a SPIFFE ID names the calling service: '{trust-domain}' as authority, exactly
	 * one '{service-id}' segment; other '{name}' segments match any one segment.
	 */
	private String serviceIdTemplate = "spiffe://{trust-domain}/ns/{namespace}/sa/{service-id}";

	/**
	 * Where a certificate's service id comes from: its single SPIFFE ID URI SAN, or the
	 * single CN of its subject (for a private CA without SPIFFE IDs).
	 */
	private Identity identity = Identity.SPIFFE;

	/**
	 * What a caller must present: a token, a certificate, either, or both. A token and a
	 * certificate presented together must always name the same service.
	 */
	private RequiredProof requiredProof = RequiredProof.EITHER;

	/**
	 * Whether a client certificate must carry the extended key usage extension with
	 * 'clientAuth'. When false, a certificate without the extension (valid for any
	 * purpose) is accepted; one whose extension lacks 'clientAuth' never is.
	 */
	private boolean requireClientAuthUsage = true;

	private final Forwarded forwarded = new Forwarded();

	/**
	 * Trust domains whose workloads may call.
	 * @return the trust domains
	 */
	public List<String> getTrustDomains() {
		return this.trustDomains;
	}

	/**
	 * Set the trust domains whose workloads may call.
	 * @param trustDomains the trust domains
	 */
	public void setTrustDomains(List<String> trustDomains) {
		this.trustDomains = trustDomains;
	}

	/**
	 * How a SPIFFE ID names the calling service.
	 * @return the template
	 */
	public String getServiceIdTemplate() {
		return this.serviceIdTemplate;
	}

	/**
	 * Set how a SPIFFE ID names the calling service.
	 * @param serviceIdTemplate the template
	 */
	public void setServiceIdTemplate(String serviceIdTemplate) {
		this.serviceIdTemplate = serviceIdTemplate;
	}

	/**
	 * Where a certificate's service id comes from.
	 * @return the identity source
	 */
	public Identity getIdentity() {
		return this.identity;
	}

	/**
	 * Set where a certificate's service id comes from.
	 * @param identity the identity source
	 */
	public void setIdentity(Identity identity) {
		this.identity = identity;
	}

	/**
	 * What a caller must present.
	 * @return the required proof
	 */
	public RequiredProof getRequiredProof() {
		return this.requiredProof;
	}

	/**
	 * Set what a caller must present.
	 * @param requiredProof the required proof
	 */
	public void setRequiredProof(RequiredProof requiredProof) {
		this.requiredProof = requiredProof;
	}

	/**
	 * Whether a client certificate must carry the extended key usage 'clientAuth'.
	 * @return whether the extension is required
	 */
	public boolean isRequireClientAuthUsage() {
		return this.requireClientAuthUsage;
	}

	/**
	 * Set whether a client certificate must carry the extended key usage 'clientAuth'.
	 * @param requireClientAuthUsage whether the extension is required
	 */
	public void setRequireClientAuthUsage(boolean requireClientAuthUsage) {
		this.requireClientAuthUsage = requireClientAuthUsage;
	}

	/**
	 * Client certificates forwarded by trusted proxies.
	 * @return the forwarded certificate settings
	 */
	public Forwarded getForwarded() {
		return this.forwarded;
	}

	/**
	 * Whether client certificates are authenticated at all.
	 * @return whether trust domains are set, or the subject is the identity
	 */
	public boolean isEnabled() {
		return !this.trustDomains.isEmpty() || this.identity == Identity.SUBJECT_COMMON_NAME;
	}

	/**
	 * Fail, naming the key, on a value that cannot work.
	 */
	public void validate() {
		try {
			ServiceIdTemplate.of(this.serviceIdTemplate);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "service-id-template", this.serviceIdTemplate,
					ex.getMessage());
		}
		for (int i = 0; i < this.trustDomains.size(); i++) {
			String trustDomain = this.trustDomains.get(i);
			if (trustDomain == null || !trustDomain.matches("[a-z0-9._-]+")) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "trust-domains[" + i + "]", trustDomain,
						"A trust domain is written as in SPIFFE IDs, in lower case without scheme or path, "
								+ "e.g. 'prod.example.org'.");
			}
		}
		if (this.identity == Identity.SUBJECT_COMMON_NAME && !this.trustDomains.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "trust-domains",
					String.join(",", this.trustDomains), "Trust domains apply to SPIFFE IDs, and '" + PREFIX
							+ "identity' is subject-common-name: remove them, or use 'identity: spiffe'.");
		}
		List<String> proxies = this.forwarded.trustedProxies;
		for (int i = 0; i < proxies.size(); i++) {
			try {
				TrustedProxies.of(List.of(proxies.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "forwarded.trusted-proxies[" + i + "]",
						proxies.get(i), ex.getMessage() + ".");
			}
		}
		if (!isEnabled() && !proxies.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "forwarded.trusted-proxies",
					String.join(",", proxies), "Forwarded certificates would be read, but none is authenticated: set '"
							+ PREFIX + "trust-domains[0]: prod.example.org' (or 'identity: subject-common-name').");
		}
		if (!isEnabled() && this.requiredProof != RequiredProof.TOKEN && this.requiredProof != RequiredProof.EITHER) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "required-proof", this.requiredProof,
					"A certificate is required, but none is authenticated: set '" + PREFIX
							+ "trust-domains[0]: prod.example.org' (or 'identity: subject-common-name').");
		}
	}

	/**
	 * Client certificates forwarded by trusted proxies
	 * ({@code s2s.security.inbound.certificates.forwarded}).
	 */
	public static class Forwarded {

		/**
		 * CIDR ranges of the proxies (sidecars) whose forwarded client certificate
		 * counts, judged by the TCP peer address, never a forwarded one (e.g.
		 * '127.0.0.1/32'). Empty: no forwarded certificate is ever read.
		 */
		private List<String> trustedProxies = new ArrayList<>();

		/**
		 * Header the trusted proxies forward the client certificate in.
		 */
		private ForwardedHeader header = ForwardedHeader.X_FORWARDED_CLIENT_CERT;

		/**
		 * CIDR ranges of the trusted proxies.
		 * @return the ranges
		 */
		public List<String> getTrustedProxies() {
			return this.trustedProxies;
		}

		/**
		 * Set the CIDR ranges of the trusted proxies.
		 * @param trustedProxies the ranges
		 */
		public void setTrustedProxies(List<String> trustedProxies) {
			this.trustedProxies = trustedProxies;
		}

		/**
		 * Header the trusted proxies forward the client certificate in.
		 * @return the header
		 */
		public ForwardedHeader getHeader() {
			return this.header;
		}

		/**
		 * Set the header the trusted proxies forward the client certificate in.
		 * @param header the header
		 */
		public void setHeader(ForwardedHeader header) {
			this.header = header;
		}

	}

	/**
	 * Headers a proxy forwards a client certificate in.
	 */
	public enum ForwardedHeader {

		/**
		 * Envoy's (and Istio's) X-Forwarded-Client-Cert, with the certificate in its
		 * 'Cert'.
		 */
		X_FORWARDED_CLIENT_CERT,

		/**
		 * RFC 9440's Client-Cert: the DER certificate as a structured-field byte
		 * sequence.
		 */
		CLIENT_CERT

	}

	/**
	 * Where a certificate's service id comes from.
	 */
	public enum Identity {

		/**
		 * The certificate's single URI SAN, a SPIFFE ID of a trusted trust domain, mapped
		 * by the service id template.
		 */
		SPIFFE,

		/**
		 * The single CN of the certificate's subject, parsed as an X.500 name.
		 */
		SUBJECT_COMMON_NAME

	}

}
