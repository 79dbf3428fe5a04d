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
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * The one place that decides whether a caller may call: the callers an endpoint or path
 * admits, at most one {@link CallerRule} per kind of caller, any of which admits.
 * Everything that matches no rule is denied, and so is anything unexpected: no
 * authentication, an authentication that is not an s2s caller, or an exception while
 * deciding (fail closed).
 *
 * @author s2s-security team
 */
final class CallerPolicy {

	private final Map<CallerType, CallerRule> rules = new EnumMap<>(CallerType.class);

	private final String source;

	/**
	 * Create a policy.
	 * @param source where the policy comes from, for logs and events, e.g.
	 * {@code @ServiceCaller on StockController.stock}
	 * @param rules the rules, at most one per kind of caller
	 */
	CallerPolicy(String source, Collection<CallerRule> rules) {
		Assert.hasText(source, "source cannot be empty");
		Assert.notEmpty(rules, "rules cannot be empty");
		for (CallerRule rule : rules) {
			Assert.isNull(this.rules.put(rule.type(), rule), () -> "two rules for " + rule.type() + " in " + source);
		}
		this.source = source;
	}

	String source() {
		return this.source;
	}

	/**
	 * The service ids this policy names, the only ones that become metric tags.
	 * @return the service ids
	 */
	Set<String> serviceIds() {
		return this.rules.values()
			.stream()
			.flatMap((rule) -> rule.services().stream())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	String describe() {
		return this.rules.values().stream().map(CallerRule::describe).collect(Collectors.joining("; "));
	}

	Decision decide(@Nullable Authentication authentication) {
		try {
			return evaluate(authentication);
		}
		catch (RuntimeException ex) {
			return Decision.deny(DecisionReason.POLICY_ERROR, authentication, Set.of());
		}
	}

	private Decision evaluate(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Decision.deny(DecisionReason.NOT_AUTHENTICATED, authentication, Set.of());
		}
		if (!(authentication instanceof CallerAuthentication caller)) {
			return Decision.deny(DecisionReason.UNKNOWN_CALLER, authentication, Set.of());
		}
		CallerRule rule = this.rules.get(caller.getCallerType());
		if (rule == null) {
			return Decision.deny((caller.getCallerType() == CallerType.DELEGATED)
					? DecisionReason.DELEGATION_NOT_ACCEPTED : DecisionReason.CALLER_TYPE_NOT_ACCEPTED, caller,
					Set.of());
		}
		if (!rule.services().isEmpty() && !rule.services().contains(Decision.serviceId(caller))) {
			return Decision.deny(DecisionReason.SERVICE_NOT_LISTED, caller, Set.of());
		}
		if (!rule.roles().isEmpty() && rule.roles().stream().noneMatch(caller.getRoles()::contains)) {
			return Decision.deny(DecisionReason.MISSING_ROLE, caller, Set.of());
		}
		if (!caller.getScopes().containsAll(rule.scopes())) {
			return Decision.deny(DecisionReason.INSUFFICIENT_SCOPE, caller, rule.scopes());
		}
		return new Decision(true, DecisionReason.ALLOWED, caller, Set.of());
	}

}
