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
package dev.s2s.security.workload;

/**
 * What a caller must present. Whatever is required, a token and a certificate presented
 * together must agree (the same service, and the certificate the token is bound to, if it
 * is bound), and a certificate presented must pass every check.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public enum RequiredProof {

	/**
	 * A bearer token; a certificate alone never authenticates.
	 */
	TOKEN,

	/**
	 * A client certificate; a token alone is refused ({@code missing_certificate}).
	 */
	CERTIFICATE,

	/**
	 * A bearer token, a client certificate, or both.
	 */
	EITHER,

	/**
	 * A bearer token and a client certificate naming the same service.
	 */
	BOTH;

	boolean certificateAlone() {
		return this == CERTIFICATE || this == EITHER;
	}

	boolean tokenAlone() {
		return this == TOKEN || this == EITHER;
	}

}
