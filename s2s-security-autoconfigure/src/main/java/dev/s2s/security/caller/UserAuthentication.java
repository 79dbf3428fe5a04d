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
 * An end user calling directly.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class UserAuthentication extends CallerAuthentication {

	private static final long serialVersionUID = 1L;

	private final String subject;

	public UserAuthentication(Jwt token, String subject, Set<String> scopes, Set<String> roles) {
		super(token, subject, scopes, roles);
		Assert.hasText(subject, "subject cannot be empty");
		this.subject = subject;
	}

	/**
	 * The user's identifier at the identity provider.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	@Override
	public CallerType getCallerType() {
		return CallerType.USER;
	}

	@Override
	String describe() {
		return "user=" + this.subject;
	}

}
