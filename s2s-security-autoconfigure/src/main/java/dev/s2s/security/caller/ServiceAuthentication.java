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

import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * A service calling as itself.
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
	 * The calling service's id (its OAuth client id).
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
