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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 6749 section 5.2 error response of the token endpoint.
 *
 * @author s2s-security team
 */
final class OAuthError extends Exception {

	private static final long serialVersionUID = 1L;

	private final String error;

	private final int status;

	private final boolean basicChallenge;

	private OAuthError(String error, String description, int status, boolean basicChallenge) {
		super(description, null, false, false);
		this.error = error;
		this.status = status;
		this.basicChallenge = basicChallenge;
	}

	static OAuthError invalidRequest(String description) {
		return new OAuthError("invalid_request", description, 400, false);
	}

	/**
	 * A failed client authentication. RFC 6749 asks for a {@code WWW-Authenticate}
	 * challenge when the client used the {@code Authorization} header.
	 */
	static OAuthError invalidClient(String description, boolean basicChallenge) {
		return new OAuthError("invalid_client", description, 401, basicChallenge);
	}

	static OAuthError invalidDPoPProof(String description) {
		return new OAuthError("invalid_dpop_proof", description, 400, false);
	}

	static OAuthError invalidGrant(String description) {
		return new OAuthError("invalid_grant", description, 400, false);
	}

	static OAuthError unsupportedGrantType(String description) {
		return new OAuthError("unsupported_grant_type", description, 400, false);
	}

	IssuerResponse toResponse() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", this.error);
		body.put("error_description", getMessage());
		IssuerResponse response = IssuerResponse.json(this.status, body).noStore();
		return this.basicChallenge ? response.header("WWW-Authenticate", "Basic realm=\"fake-token-issuer\"")
				: response;
	}

}
