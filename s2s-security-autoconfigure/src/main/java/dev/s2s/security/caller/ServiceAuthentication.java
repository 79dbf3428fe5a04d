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
 * A service calling as itself: with a token of its own (client credentials), with a
 * client certificate that names it (a workload identity), or with both.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServiceAuthentication extends CallerAuthentication {

	private static final long serialVersionUID = 1L;

	/** The service id. */
	private final String serviceId;

	/**
	 * Create a service caller.
	 * @param token the verified token
	 * @param serviceId the calling service's id
	 * @param scopes the scopes the token grants
	 * @param roles the roles the token grants
	 */
	public ServiceAuthentication(Jwt token, String serviceId, Set<String> scopes, Set<String> roles) {
		super(token, serviceId, scopes, roles);
		Assert.hasText(serviceId, "serviceId cannot be empty");
		this.serviceId = serviceId;
	}

	/**
	 * Create a service caller proven by a client certificate alone. It has no token, so
	 * no scopes and no roles; its factor is {@code FACTOR_X509}.
	 * @param certificate the verified client certificate
	 * @param serviceId the calling service's id, as the certificate names it
	 * @since 0.4.0
	 */
	public ServiceAuthentication(X509Certificate certificate, String serviceId) {
		super(certificate, serviceId);
		Assert.notNull(certificate, "certificate cannot be null");
		Assert.hasText(serviceId, "serviceId cannot be empty");
		this.serviceId = serviceId;
	}

	private ServiceAuthentication(ServiceAuthentication tokenCaller, X509Certificate certificate) {
		super(tokenCaller, certificate);
		this.serviceId = tokenCaller.serviceId;
	}

	@Override
	public ServiceAuthentication withCertificate(X509Certificate certificate) {
		Assert.notNull(certificate, "certificate cannot be null");
		return new ServiceAuthentication(this, certificate);
	}

	/**
	 * The calling service's id (its OAuth client id, or the id its certificate names).
	 * @return the service id
	 */
	public String getServiceId() {
		return this.serviceId;
	}

	@Override
	public CallerType getCallerType() {
		return CallerType.SERVICE;
	}

	@Override
	String describe() {
		return "service=" + this.serviceId;
	}

}
