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

package dev.s2s.security.test.assertj;

import java.util.Objects;

import dev.s2s.security.test.TargetRequest;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on one request a {@link dev.s2s.security.test.RecordingTarget}
 * received. Obtain with {@link S2sAssertions#assertThat(TargetRequest)} or from
 * {@link RecordingTargetAssert}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class TargetRequestAssert extends AbstractObjectAssert<TargetRequestAssert, @Nullable TargetRequest> {

	TargetRequestAssert(@Nullable TargetRequest actual) {
		super(actual, TargetRequestAssert.class);
	}

	/**
	 * Verifies the HTTP method.
	 * @param method the expected method, such as {@code GET}
	 * @return this assertion
	 */
	public TargetRequestAssert hasMethod(String method) {
		return expect("method", method, request().method());
	}

	/**
	 * Verifies the path, as sent.
	 * @param path the expected path
	 * @return this assertion
	 */
	public TargetRequestAssert hasPath(String path) {
		return expect("path", path, request().path());
	}

	/**
	 * Verifies the query string, as sent.
	 * @param query the expected query, without {@code ?}; {@code null} for none
	 * @return this assertion
	 */
	public TargetRequestAssert hasQuery(@Nullable String query) {
		return expect("query", query, request().query());
	}

	/**
	 * Verifies the first value of a header.
	 * @param name the header name, in any case
	 * @param value the expected value
	 * @return this assertion
	 */
	public TargetRequestAssert hasHeader(String name, String value) {
		return expect("header '" + name + "'", value, request().header(name));
	}

	/**
	 * Verifies that a header is absent.
	 * @param name the header name, in any case
	 * @return this assertion
	 */
	public TargetRequestAssert doesNotHaveHeader(String name) {
		String value = request().header(name);
		if (value != null) {
			failWithMessage("Expected no header '%s' on %s but found one", name, this.actual);
		}
		return this;
	}

	/**
	 * Verifies the {@code X-Correlation-Id} header.
	 * @param correlationId the expected id
	 * @return this assertion
	 */
	public TargetRequestAssert hasCorrelationId(String correlationId) {
		return expect("correlation id", correlationId, request().correlationId());
	}

	/**
	 * Verifies the body.
	 * @param body the expected body
	 * @return this assertion
	 */
	public TargetRequestAssert hasBody(String body) {
		return expect("body", body, request().body());
	}

	/**
	 * Verifies that the request carries no {@code Authorization} header at all.
	 * @return this assertion
	 */
	public TargetRequestAssert hasNoAuthorization() {
		if (request().authorization() != null) {
			failWithMessage("Expected %s to carry no Authorization header but it has one", this.actual);
		}
		return this;
	}

	/**
	 * Verifies that the request carries {@code Authorization: Bearer <token>}, and
	 * returns assertions on the token.
	 * @return assertions on the bearer token
	 */
	public BearerTokenAssert bearerToken() {
		String token = request().bearerToken();
		if (token == null) {
			failWithMessage("Expected %s to carry 'Authorization: Bearer <token>' but its Authorization header is %s",
					this.actual, (request().authorization() != null) ? "of another scheme" : "missing");
		}
		return new BearerTokenAssert(token);
	}

	private TargetRequestAssert expect(String what, @Nullable String expected, @Nullable String actual) {
		if (!Objects.equals(expected, actual)) {
			failWithMessage("Expected %s of %s to be <%s> but was <%s>", what, this.actual, expected, actual);
		}
		return this;
	}

	private TargetRequest request() {
		isNotNull();
		return this.actual;
	}

}
