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

import java.security.cert.X509Certificate;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * A service acting on behalf of an end user, e.g. with a token from RFC 8693 token
 * exchange. The user is the token's subject; the service is the current actor.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class DelegatedAuthentication extends CallerAuthentication {

	private static final long serialVersionUID = 1L;

	/** The user id. */
	private final String userId;

	/** The service id. */
	private final String serviceId;

	/**
	 * Create a caller that is a service acting for a user.
	 * @param token the verified token
	 * @param userId the id of the user on whose behalf the call is made
	 * @param serviceId the id of the service making the call
	 * @param scopes the scopes the token grants
	 * @param roles the roles the token grants
	 */
	public DelegatedAuthentication(Jwt token, String userId, String serviceId, Set<String> scopes, Set<String> roles) {
		super(token, userId, scopes, roles);
		Assert.hasText(userId, "userId cannot be empty");
		Assert.hasText(serviceId, "serviceId cannot be empty");
		this.userId = userId;
		this.serviceId = serviceId;
	}

	private DelegatedAuthentication(DelegatedAuthentication tokenCaller, X509Certificate certificate) {
		super(tokenCaller, certificate);
		this.userId = tokenCaller.userId;
		this.serviceId = tokenCaller.serviceId;
	}

	@Override
	public DelegatedAuthentication withCertificate(X509Certificate certificate) {
		Assert.notNull(certificate, "certificate cannot be null");
		return new DelegatedAuthentication(this, certificate);
	}

	/**
	 * The user on whose behalf the call is made.
	 * @return the user's id
	 */
	public String getUserId() {
		return this.userId;
	}

	/**
	 * The service making the call for the user (the current actor).
	 * @return the acting service's id
	 */
	public String getServiceId() {
		return this.serviceId;
	}

	@Override
	public CallerType getCallerType() {
		return CallerType.DELEGATED;
	}

	@Override
	String describe() {
		return "user=" + this.userId + ", service=" + this.serviceId;
	}

}
