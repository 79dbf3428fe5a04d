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

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * An HTTP response of the issuer.
 *
 * @param status the status code
 * @param contentType the {@code Content-Type}
 * @param body the body
 * @param headers further headers
 * @author s2s-security team
 */
record IssuerResponse(int status, String contentType, String body, Map<String, String> headers) {

	static IssuerResponse json(int status, Map<String, ?> body) {
		return json(status, JSONObjectUtils.toJSONString(body));
	}

	static IssuerResponse json(int status, String body) {
		return new IssuerResponse(status, "application/json", body, Map.of());
	}

	static IssuerResponse text(int status, String body) {
		return new IssuerResponse(status, "text/plain; charset=utf-8", body, Map.of());
	}

	IssuerResponse header(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new IssuerResponse(this.status, this.contentType, this.body, headers);
	}

	/** Token responses must not be cached (RFC 6749 section 5.1). */
	IssuerResponse noStore() {
		return header("Cache-Control", "no-store").header("Pragma", "no-cache");
	}

}
