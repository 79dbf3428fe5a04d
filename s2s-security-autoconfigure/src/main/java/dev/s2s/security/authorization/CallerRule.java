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
package dev.s2s.security.authorization;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.s2s.security.caller.CallerType;

import org.springframework.util.Assert;

/**
 * Admits one kind of caller: services (optionally only listed ones), users or delegated
 * calls (optionally only through listed services), with scopes that must all be granted
 * and roles of which one must be.
 *
 * @param type the kind of caller admitted
 * @param services the admitted service ids (acting services for delegated calls); empty
 * admits any
 * @param scopes the scopes that must all be granted
 * @param roles the roles of which at least one must be granted; empty requires none
 * @author s2s-security team
 */
record CallerRule(CallerType type, SortedSet<String> services, SortedSet<String> scopes, SortedSet<String> roles) {

	CallerRule {
		services.forEach((service) -> Assert.hasText(service, "service ids cannot be empty"));
		scopes.forEach(CallerRule::checkScope);
		roles.forEach((role) -> Assert.hasText(role, "roles cannot be empty"));
		Assert.isTrue(type == CallerType.SERVICE || type == CallerType.DELEGATED || services.isEmpty(),
				"users are not listed by service");
	}

	static CallerRule of(CallerType type, Collection<String> services, Collection<String> scopes,
			Collection<String> roles) {
		return new CallerRule(type, sorted(services), sorted(scopes), sorted(roles));
	}

	/**
	 * A scope token as RFC 6749 section 3.3 defines it, so that it can be quoted in a
	 * {@code WWW-Authenticate} header as it is.
	 */
	private static void checkScope(String scope) {
		Assert.hasLength(scope, "scopes cannot be empty");
		for (int i = 0; i < scope.length(); i++) {
			char c = scope.charAt(i);
			Assert.isTrue(c >= 0x21 && c <= 0x7E && c != '"' && c != '\\', () -> "invalid scope '" + scope + "'");
		}
	}

	private static SortedSet<String> sorted(Collection<String> values) {
		return Collections.unmodifiableSortedSet(new TreeSet<>(values));
	}

	String describe() {
		StringBuilder text = new StringBuilder(switch (this.type) {
			case SERVICE -> "services " + (this.services.isEmpty() ? "(any)" : this.services);
			case USER -> "users";
			case DELEGATED -> "users via services " + (this.services.isEmpty() ? "(any)" : this.services);
		});
		if (!this.scopes.isEmpty()) {
			text.append(" with scopes ").append(this.scopes);
		}
		if (!this.roles.isEmpty()) {
			text.append(" with any role of ").append(this.roles);
		}
		return text.toString();
	}

}
