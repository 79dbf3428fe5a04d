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
 * What a {@link RecordingTarget} answers: a status, headers and a body. Immutable; each
 * method returns a new response.
 *
 * <pre class="code">
 * target.respond(TargetResponse.json("{\"quantity\": 7}"));
 * target.respondOnce(TargetResponse.invalidToken());
 * target.respond(TargetResponse.status(503).header("Retry-After", "1"));
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class TargetResponse {

	private static final String CONTENT_TYPE = "Content-Type";

	private final int status;

	private final Map<String, String> headers;

	private final String body;

	private TargetResponse(int status, Map<String, String> headers, String body) {
		this.status = status;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * {@code 200 OK} without a body: what a target answers unless told otherwise.
	 * @return the response
	 */
	public static TargetResponse ok() {
		return status(200);
	}

	/**
	 * A response with this status and no body.
	 * @param status the HTTP status, 200 to 599
	 * @return the response
	 */
	public static TargetResponse status(int status) {
		Args.isTrue(status >= 200 && status <= 599, "status must be between 200 and 599");
		return new TargetResponse(status, Map.of(), "");
	}

	/**
	 * {@code 200 OK} with a JSON body.
	 * @param json the body
	 * @return the response
	 */
	public static TargetResponse json(String json) {
		return ok().header(CONTENT_TYPE, "application/json").body(json);
	}

	/**
	 * {@code 401 Unauthorized} with
	 * {@code WWW-Authenticate: Bearer error="invalid_token"}: a resource server rejecting
	 * the token, after which s2s-security evicts it and retries once with a fresh one.
	 * @return the response
	 */
	public static TargetResponse invalidToken() {
		return status(401).header("WWW-Authenticate",
				"Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"");
	}

	/**
	 * This response with a header added, or replaced when it is already set.
	 * @param name the header name
	 * @param value the value
	 * @return the new response
	 */
	public TargetResponse header(String name, String value) {
		Args.hasText(name, "name");
		Args.notNull(value, "value");
		Map<String, String> headers = new LinkedHashMap<>();
		this.headers.forEach((existing, existingValue) -> {
			if (!existing.equalsIgnoreCase(name)) {
				headers.put(existing, existingValue);
			}
		});
		headers.put(name, value);
		return new TargetResponse(this.status, Map.copyOf(headers), this.body);
	}

	/**
	 * This response with a body, sent as UTF-8; as {@code text/plain} unless a
	 * {@code Content-Type} header is set.
	 * @param body the body
	 * @return the new response
	 */
	public TargetResponse body(String body) {
		return new TargetResponse(this.status, this.headers, Args.notNull(body, "body"));
	}

	int statusCode() {
		return this.status;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	String body() {
		return this.body;
	}

	/**
	 * The status and headers.
	 * @return a description of the response
	 */
	@Override
	public String toString() {
		return "TargetResponse " + this.status + " " + this.headers;
	}

}
