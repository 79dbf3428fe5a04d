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

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.autoconfigure.ValidValues;
import dev.s2s.security.caller.ClaimMapping;
import dev.s2s.security.inbound.JwksSettings;
import dev.s2s.security.inbound.SignatureAlgorithms;
import dev.s2s.security.inbound.TrustedIssuer;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Maps {@link S2sInboundProperties} to the inbound core, refusing at startup what would
 * weaken validation, with the key to fix and what to write instead.
 *
 * @author s2s-security team
 */
final class InboundPropertiesMapper {

	private static final String ISSUERS = "s2s.security.inbound.issuers";

	private final S2sInboundProperties properties;

	private final ServiceIdentity identity;

	InboundPropertiesMapper(S2sInboundProperties properties, ServiceIdentity identity) {
		properties.validate();
		this.properties = properties;
		this.identity = identity;
	}

	List<TrustedIssuer> trustedIssuers() {
		List<S2sInboundProperties.Issuer> issuers = this.properties.getIssuers();
		Set<String> seen = new LinkedHashSet<>();
		return java.util.stream.IntStream.range(0, issuers.size()).mapToObj((i) -> {
			TrustedIssuer issuer = trustedIssuer(issuers.get(i), ISSUERS + "[" + i + "]");
			if (!seen.add(issuer.issuerUri())) {
				throw new InvalidConfigurationPropertyValueException(ISSUERS + "[" + i + "].issuer-uri",
						issuer.issuerUri(), "This issuer is already configured; list each issuer once.");
			}
			return issuer;
		}).toList();
	}

	Map<String, ClaimMapping> claimMapping() {
		Map<String, ClaimMapping> rules = new LinkedHashMap<>();
		for (S2sInboundProperties.Issuer issuer : this.properties.getIssuers()) {
			ClaimMapping preset = issuer.getProvider().claimMapping();
			if (issuer.getServiceIdClaim() != null) {
				preset = preset.withServiceIdClaim(issuer.getServiceIdClaim());
			}
			if (issuer.getUserIdClaim() != null) {
				preset = preset.withUserIdClaim(issuer.getUserIdClaim());
			}
			if (issuer.getScopeClaims() != null) {
				preset = preset.withScopeClaims(issuer.getScopeClaims());
			}
			if (issuer.getRoleClaims() != null) {
				preset = preset.withRoleClaims(issuer.getRoleClaims());
			}
			rules.put(issuer.getIssuerUri(), preset.withDelegatingClients(issuer.getDelegatingClients()));
		}
		return rules;
	}

	JwksSettings jwksSettings() {
		S2sInboundProperties.Jwks jwks = this.properties.getJwks();
		return new JwksSettings(jwks.getCacheTimeToLive(), jwks.getMinRefreshInterval(), jwks.getOutageTolerance(),
				jwks.getConnectTimeout(), jwks.getReadTimeout(),
				ValidValues.bytes("s2s.security.inbound.jwks.max-response-size", jwks.getMaxResponseSize()));
	}

	private TrustedIssuer trustedIssuer(S2sInboundProperties.Issuer issuer, String key) {
		String issuerUri = issuer.getIssuerUri();
		if (!StringUtils.hasText(issuerUri) || !isHttpUri(issuerUri)) {
			throw new InvalidConfigurationPropertyValueException(key + ".issuer-uri", issuerUri,
					"Each trusted issuer needs the exact 'iss' of its tokens, e.g. "
							+ "'issuer-uri: https://idp.example.com/realms/platform'.");
		}
		Set<String> audiences = new LinkedHashSet<>(issuer.getAudiences());
		if (audiences.isEmpty()) {
			audiences.add(this.identity.serviceId());
		}
		try {
			return new TrustedIssuer(issuerUri, issuer.getJwkSetUri(), audiences,
					SignatureAlgorithms.parse(issuer.getAlgorithms()), issuer.isRequireAtJwtType());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(key + ".algorithms",
					String.join(",", issuer.getAlgorithms()), ex.getMessage());
		}
	}

	private static boolean isHttpUri(String value) {
		try {
			URI uri = URI.create(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
