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
 * An end user calling directly.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class UserAuthentication extends CallerAuthentication {

	private static final long serialVersionUID = 1L;

	/** The user id. */
	private final String userId;

	/**
	 * Create a user caller.
	 * @param token the verified token
	 * @param userId the user's id at the identity provider
	 * @param scopes the scopes the token grants
	 * @param roles the roles the token grants
	 */
	public UserAuthentication(Jwt token, String userId, Set<String> scopes, Set<String> roles) {
		super(token, userId, scopes, roles);
		Assert.hasText(userId, "userId cannot be empty");
		this.userId = userId;
	}

	private UserAuthentication(UserAuthentication tokenCaller, X509Certificate certificate) {
		super(tokenCaller, certificate);
		this.userId = tokenCaller.userId;
	}

	@Override
	public UserAuthentication withCertificate(X509Certificate certificate) {
		Assert.notNull(certificate, "certificate cannot be null");
		return new UserAuthentication(this, certificate);
	}

	/**
	 * The user's id at the identity provider (by default its {@code sub}).
	 * @return the user id
	 */
	public String getUserId() {
		return this.userId;
	}

	@Override
	public CallerType getCallerType() {
		return CallerType.USER;
	}

	@Override
	String describe() {
		return "user=" + this.userId;
	}

}
