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

package dev.s2s.security.outbound;

import java.util.Locale;

/**
 * How a target's audience is sent to the token endpoint. Identity providers differ: RFC
 * 8707 defines {@code resource} (an absolute URI), Auth0, Keycloak and RFC 8693 token
 * exchange use {@code audience}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum AudienceParameter {

	/**
	 * Send {@code resource} (RFC 8707); the audience must be an absolute URI.
	 */
	RESOURCE,

	/**
	 * Send {@code audience}.
	 */
	AUDIENCE,

	/**
	 * Send {@code audience}, and {@code resource} too when the audience is an absolute
	 * URI.
	 */
	BOTH;

	/**
	 * The value as it is written in configuration, e.g. {@code both}.
	 * @return the value in kebab case
	 */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean sendsResource() {
		return this != AUDIENCE;
	}

	boolean sendsAudience() {
		return this != RESOURCE;
	}

}
