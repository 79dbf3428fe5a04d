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

package dev.s2s.security.test;

/**
 * The endpoints of a {@link FakeTokenIssuer}, as they appear in its request log.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public enum Endpoint {

	/**
	 * OpenID Connect discovery and RFC 8414 authorization server metadata.
	 */
	DISCOVERY,

	/**
	 * The JWK set.
	 */
	JWKS,

	/**
	 * The token endpoint.
	 */
	TOKEN,

	/**
	 * Any other path: answered with 404, logged to help find a wrong issuer URI.
	 */
	OTHER

}
