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
import java.util.List;
import java.util.Locale;
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
 * deciding (fail closed). A policy without rules admits no caller at all
 * ({@link DecisionReason#NO_RULE}): the default for handlers that name none.
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
	 * @param rules the rules, at most one per kind of caller; none admits no caller
	 */
	CallerPolicy(String source, Collection<CallerRule> rules) {
		Assert.hasText(source, "source cannot be empty");
		for (CallerRule rule : rules) {
			Assert.isNull(this.rules.put(rule.type(), rule), () -> "two rules for " + rule.type() + " in " + source);
		}
		this.source = source;
	}

	/**
	 * A policy admitting any authenticated caller, whatever its kind.
	 * @param source where the policy comes from
	 * @return the policy
	 */
	static CallerPolicy anyCaller(String source) {
		return new CallerPolicy(source,
				List.of(CallerRule.of(CallerType.SERVICE, Set.of(), Set.of(), Set.of()),
						CallerRule.of(CallerType.USER, Set.of(), Set.of(), Set.of()),
						CallerRule.of(CallerType.DELEGATED, Set.of(), Set.of(), Set.of())));
	}

	/**
	 * This policy, narrowed to one kind of caller: a handler whose parameter is a
	 * {@code UserAuthentication} cannot serve a service, whatever its annotations say.
	 * @param type the only kind of caller the handler can serve
	 * @return the narrowed policy
	 * @throws IllegalArgumentException if this policy admits no caller of that kind
	 */
	CallerPolicy onlyFor(CallerType type) {
		CallerRule rule = this.rules.get(type);
		Assert.isTrue(rule != null, () -> "it takes a " + type.name().toLowerCase(Locale.ROOT)
				+ " caller as a parameter, but its annotations admit " + describe());
		return new CallerPolicy(this.source, List.of(rule));
	}

	String source() {
		return this.source;
	}

	Collection<CallerRule> rules() {
		return this.rules.values();
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
		if (this.rules.isEmpty()) {
			return "no caller";
		}
		return this.rules.values().stream().map(CallerRule::describe).collect(Collectors.joining("; "));
	}

	CallerDecision decide(@Nullable Authentication authentication, RequestDetails request) {
		try {
			return evaluate(authentication, request);
		}
		catch (RuntimeException ex) {
			return deny(DecisionReason.POLICY_ERROR, authentication, request);
		}
	}

	private CallerDecision evaluate(@Nullable Authentication authentication, RequestDetails request) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return deny(DecisionReason.NOT_AUTHENTICATED, authentication, request);
		}
		if (!(authentication instanceof CallerAuthentication caller)) {
			return deny(DecisionReason.UNKNOWN_CALLER, authentication, request);
		}
		if (this.rules.isEmpty()) {
			return deny(DecisionReason.NO_RULE, caller, request);
		}
		CallerRule rule = this.rules.get(caller.getCallerType());
		if (rule == null) {
			return deny((caller.getCallerType() == CallerType.DELEGATED) ? DecisionReason.DELEGATION_NOT_ACCEPTED
					: DecisionReason.CALLER_TYPE_NOT_ACCEPTED, caller, request);
		}
		if (!rule.services().isEmpty() && !rule.services().contains(CallerDecision.serviceId(caller))) {
			return deny(DecisionReason.SERVICE_NOT_LISTED, caller, request);
		}
		if (!rule.roles().isEmpty() && rule.roles().stream().noneMatch(caller.getRoles()::contains)) {
			return deny(DecisionReason.MISSING_ROLE, caller, request);
		}
		if (!caller.getScopes().containsAll(rule.scopes())) {
			return new CallerDecision(false, DecisionReason.INSUFFICIENT_SCOPE, caller, rule.scopes(), request,
					this.source);
		}
		return new CallerDecision(true, DecisionReason.ALLOWED, caller, Set.of(), request, this.source);
	}

	private CallerDecision deny(DecisionReason reason, @Nullable Authentication authentication,
			RequestDetails request) {
		return new CallerDecision(false, reason, authentication, Set.of(), request, this.source);
	}

}
