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

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.Assert;

/**
 * Turns a verified token into the caller it proves: a {@link ServiceAuthentication}, a
 * {@link UserAuthentication} or a {@link DelegatedAuthentication}, by the
 * {@link ClaimMapping} of the issuer that signed it.
 *
 * <p>
 * A token whose caller cannot be told (a service token without a client id, an
 * {@code act} claim without a subject) is refused as {@code invalid_token}: guessing
 * could hand a service's rights to a user, or the reverse.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerClassifier implements Converter<Jwt, CallerAuthentication> {

	private final Map<String, ClaimMapping> mappingByIssuer;

	private final String serviceId;

	/**
	 * Create a classifier.
	 * @param mappingByIssuer the claim mapping of each trusted issuer, by exact
	 * {@code iss} value
	 * @param serviceId this service's id, for {@code {service-id}} in role claim paths
	 */
	public CallerClassifier(Map<String, ClaimMapping> mappingByIssuer, String serviceId) {
		Assert.notEmpty(mappingByIssuer, "mappingByIssuer cannot be empty");
		Assert.hasText(serviceId, "serviceId cannot be empty");
		this.mappingByIssuer = Map.copyOf(mappingByIssuer);
		this.serviceId = serviceId;
	}

	/**
	 * The issuers whose tokens this classifier knows.
	 * @return their exact {@code iss} values
	 */
	public Set<String> issuers() {
		return this.mappingByIssuer.keySet();
	}

	@Override
	public CallerAuthentication convert(Jwt jwt) {
		String issuer = jwt.getClaimAsString("iss");
		// Map.copyOf: a lookup by null throws.
		ClaimMapping mapping = (issuer != null) ? this.mappingByIssuer.get(issuer) : null;
		if (mapping == null) {
			throw refused();
		}
		Object actor = jwt.getClaims().get("act");
		if (actor != null) {
			return delegated(jwt, mapping, actingService(jwt, mapping, actor));
		}
		if (mapping.isService(jwt)) {
			String client = required(mapping.serviceId(jwt));
			return new ServiceAuthentication(jwt, client, mapping.scopes(jwt), mapping.roles(jwt, this.serviceId));
		}
		String authorizedParty = mapping.authorizedParty(jwt);
		if (mapping.isDelegatingClient(authorizedParty)) {
			return delegated(jwt, mapping, authorizedParty);
		}
		return new UserAuthentication(jwt, required(mapping.userId(jwt)), mapping.scopes(jwt),
				mapping.roles(jwt, this.serviceId));
	}

	private DelegatedAuthentication delegated(Jwt jwt, ClaimMapping mapping, @Nullable String actingService) {
		return new DelegatedAuthentication(jwt, required(mapping.userId(jwt)), required(actingService),
				mapping.scopes(jwt), mapping.roles(jwt, this.serviceId));
	}

	/**
	 * The current actor is the outermost {@code act} (RFC 8693 section 4.1); nested
	 * actors are history and are not consulted.
	 */
	private static @Nullable String actingService(Jwt jwt, ClaimMapping mapping, Object actor) {
		String actorSubject = (actor instanceof Map<?, ?> act) ? ClaimMapping.text(act.get("sub")) : null;
		if (actorSubject == null) {
			throw refused();
		}
		String authorizedParty = mapping.actorIsAuthorizedParty() ? mapping.authorizedParty(jwt) : null;
		return (authorizedParty != null) ? authorizedParty : actorSubject;
	}

	private static String required(@Nullable String value) {
		if (value == null) {
			throw refused();
		}
		return value;
	}

	private static InvalidBearerTokenException refused() {
		return new InvalidBearerTokenException("The access token does not identify its caller");
	}

}
