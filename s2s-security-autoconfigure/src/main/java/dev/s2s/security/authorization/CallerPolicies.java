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

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.web.method.HandlerMethod;

/**
 * Reads the caller annotations of a handler method into a {@link CallerPolicy}, once per
 * method. The method's annotations are searched first, including the methods it
 * implements or overrides and meta-annotations; only if it has none are the class's, its
 * superclasses' and its interfaces' searched. The method wins as a whole: a method with
 * {@code @UserCaller} in a class with {@code @ServiceCaller} admits users only.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerPolicies {

	private final Map<HandlerKey, Optional<CallerPolicy>> policies = new ConcurrentHashMap<>();

	private final Set<String> serviceIds = ConcurrentHashMap.newKeySet();

	/**
	 * The policy of a handler method.
	 * @param handler the handler method
	 * @return the policy, or {@code null} when no caller annotation applies
	 * @throws IllegalArgumentException if an annotation is invalid (e.g. an empty service
	 * id)
	 */
	@Nullable CallerPolicy policy(HandlerMethod handler) {
		return this.policies.computeIfAbsent(new HandlerKey(handler.getBeanType(), handler.getMethod()), (key) -> {
			CallerPolicy policy = resolve(key.type(), key.method());
			if (policy != null) {
				this.serviceIds.addAll(policy.serviceIds());
			}
			return Optional.ofNullable(policy);
		}).orElse(null);
	}

	/**
	 * Describe the callers a handler method admits, for the startup policy log.
	 * @param handler the handler method
	 * @return the description, or {@code null} when no caller annotation applies
	 */
	public @Nullable String describe(HandlerMethod handler) {
		CallerPolicy policy = policy(handler);
		return (policy != null) ? policy.describe() + " (" + policy.source() + ")" : null;
	}

	/**
	 * The service ids named by the annotations read so far; the s2s auto-configuration
	 * reads every handler at startup.
	 * @return the service ids
	 */
	public Set<String> serviceIds() {
		return Collections.unmodifiableSet(this.serviceIds);
	}

	private static @Nullable CallerPolicy resolve(Class<?> type, Method method) {
		String where = type.getSimpleName() + "." + method.getName();
		try {
			List<String> names = new ArrayList<>();
			List<CallerRule> rules = rules(method, names);
			if (rules.isEmpty()) {
				rules = rules(type, names);
			}
			return rules.isEmpty() ? null : new CallerPolicy(String.join(", ", names) + " on " + where, rules);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid caller annotation on " + where + ": " + ex.getMessage(), ex);
		}
	}

	private static List<CallerRule> rules(AnnotatedElement element, List<String> names) {
		MergedAnnotations annotations = MergedAnnotations.from(element, SearchStrategy.TYPE_HIERARCHY);
		List<CallerRule> rules = new ArrayList<>();
		MergedAnnotation<ServiceCaller> service = annotations.get(ServiceCaller.class);
		if (service.isPresent()) {
			rules.add(rule(CallerType.SERVICE, service, List.of()));
		}
		MergedAnnotation<UserCaller> user = annotations.get(UserCaller.class);
		if (user.isPresent()) {
			rules.add(CallerRule.of(CallerType.USER, List.of(), List.of(user.getStringArray("scopes")),
					List.of(user.getStringArray("roles"))));
		}
		MergedAnnotation<DelegatedCaller> delegated = annotations.get(DelegatedCaller.class);
		if (delegated.isPresent()) {
			rules.add(rule(CallerType.DELEGATED, delegated, List.of(delegated.getStringArray("roles"))));
		}
		rules.forEach((rule) -> names.add(switch (rule.type()) {
			case SERVICE -> "@ServiceCaller";
			case USER -> "@UserCaller";
			case DELEGATED -> "@DelegatedCaller";
		}));
		return rules;
	}

	private static CallerRule rule(CallerType type, MergedAnnotation<?> annotation, List<String> roles) {
		return CallerRule.of(type, List.of(annotation.getStringArray("services")),
				List.of(annotation.getStringArray("scopes")), roles);
	}

	private record HandlerKey(Class<?> type, Method method) {

	}

}
