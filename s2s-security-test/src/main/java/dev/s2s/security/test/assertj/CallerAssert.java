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

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * AssertJ assertions for the caller an application sees. Obtain with
 * {@link S2sAssertions#assertThat(Authentication)}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerAssert extends AbstractObjectAssert<CallerAssert, @Nullable Authentication> {

	CallerAssert(@Nullable Authentication actual) {
		super(actual, CallerAssert.class);
	}

	/**
	 * Verifies that the caller is a service calling as itself, with this id.
	 * @param serviceId the expected service id
	 * @return this assertion
	 */
	public CallerAssert isService(String serviceId) {
		return expect("service", serviceId, as(ServiceAuthentication.class).getServiceId());
	}

	/**
	 * Verifies that the caller is a user, with this user id.
	 * @param userId the expected user id
	 * @return this assertion
	 */
	public CallerAssert isUser(String userId) {
		return expect("user", userId, as(UserAuthentication.class).getUserId());
	}

	/**
	 * Verifies that the caller is a service acting for this user.
	 * @param userId the expected user's id
	 * @return this assertion
	 */
	public CallerAssert isDelegated(String userId) {
		return expect("call on behalf of user", userId, as(DelegatedAuthentication.class).getUserId());
	}

	/**
	 * Verifies that the caller is a delegated call made by this service.
	 * @param serviceId the expected acting service's id
	 * @return this assertion
	 */
	public CallerAssert actingService(String serviceId) {
		return expect("acting service", serviceId, as(DelegatedAuthentication.class).getServiceId());
	}

	/**
	 * Verifies that the caller's token grants all these scopes.
	 * @param scopes the expected scopes
	 * @return this assertion
	 */
	public CallerAssert hasScope(String... scopes) {
		return expectAll("scopes", scopes, as(CallerAuthentication.class).getScopes());
	}

	/**
	 * Verifies that the caller's token grants none of these scopes.
	 * @param scopes the scopes that must be absent
	 * @return this assertion
	 */
	public CallerAssert doesNotHaveScope(String... scopes) {
		Set<String> granted = as(CallerAuthentication.class).getScopes();
		List<String> present = Stream.of(scopes).filter(granted::contains).toList();
		if (!present.isEmpty()) {
			failWithMessage("Expected no scope of %s but found %s", List.of(scopes), present);
		}
		return this;
	}

	/**
	 * Verifies that the caller's token grants all these roles.
	 * @param roles the expected roles
	 * @return this assertion
	 */
	public CallerAssert hasRole(String... roles) {
		return expectAll("roles", roles, as(CallerAuthentication.class).getRoles());
	}

	private CallerAssert expect(String what, String expected, String actual) {
		if (!expected.equals(actual)) {
			failWithMessage("Expected %s <%s> but was <%s>", what, expected, actual);
		}
		return this;
	}

	private CallerAssert expectAll(String what, String[] expected, Set<String> actual) {
		List<String> missing = Stream.of(expected).filter((value) -> !actual.contains(value)).toList();
		if (!missing.isEmpty()) {
			failWithMessage("Expected %s %s but %s missing from %s", what, List.of(expected), missing, actual);
		}
		return this;
	}

	private <T extends CallerAuthentication> T as(Class<T> type) {
		isNotNull();
		if (!type.isInstance(this.actual)) {
			failWithMessage("Expected a %s but was %s", type.getSimpleName(), this.actual);
		}
		return type.cast(this.actual);
	}

}
