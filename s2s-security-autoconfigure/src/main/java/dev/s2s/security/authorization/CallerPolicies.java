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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Reads who may call each handler method, once per method, into a {@link CallerPolicy}.
 *
 * <p>
 * The caller annotations are searched on the method first, including the methods it
 * implements or overrides and meta-annotations; only if it has none are the class's, its
 * superclasses' and its interfaces' searched. The method wins as a whole: a method with
 * {@code @UserCaller} in a class with {@code @ServiceCaller} admits users only. A
 * parameter typed {@link ServiceAuthentication}, {@link UserAuthentication} or
 * {@link DelegatedAuthentication} is a policy too: that kind of caller only (and a
 * startup failure if the annotations admit none of that kind); a
 * {@link CallerAuthentication} parameter admits any kind.
 *
 * <p>
 * A handler that names no caller this way is denied by default
 * ({@link UnannotatedHandlers}), unless an enforced method-security annotation governs
 * it, or it is Spring Boot's {@code ErrorController} or Spring MVC's and WebFlux's
 * implicit {@code OPTIONS} handler, which run no application code. Functional endpoints
 * ({@code RouterFunction}) cannot carry annotations and are treated as unannotated.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CallerPolicies {

	private static final String ERROR_CONTROLLER = "org.springframework.boot.webmvc.error.ErrorController";

	private static final String OPTIONS_HANDLER = "RequestMappingInfoHandlerMapping$HttpOptionsHandler";

	private final Map<HandlerKey, HandlerPolicy> policies = new ConcurrentHashMap<>();

	private final Set<String> serviceIds = ConcurrentHashMap.newKeySet();

	private final UnannotatedHandlers unannotated;

	private final List<Pointcut> methodSecurity;

	private final CallerPolicy functionalEndpoints;

	/**
	 * Create the policies of an application that denies unannotated handlers and uses no
	 * method security.
	 */
	public CallerPolicies() {
		this(UnannotatedHandlers.DENY, List.of());
	}

	/**
	 * Create the policies.
	 * @param unannotated what happens to handlers that name no caller
	 * @param methodSecurity the pointcuts of the method-security interceptors that decide
	 * access ({@code @PreAuthorize}, {@code @Secured}...); a handler one of them matches
	 * is governed by it and not denied by default
	 */
	public CallerPolicies(UnannotatedHandlers unannotated, List<Pointcut> methodSecurity) {
		Assert.notNull(unannotated, "unannotated cannot be null");
		Assert.notNull(methodSecurity, "methodSecurity cannot be null");
		this.unannotated = unannotated;
		this.methodSecurity = List.copyOf(methodSecurity);
		this.functionalEndpoints = fallback("functional endpoint without a path rule");
	}

	/**
	 * The policy of a handler method for a request an s2s filter chain handled.
	 * @param handler the handler method
	 * @param pathRuleApplies whether a public or service-only path covers the request
	 * @return the policy, or {@code null} when none applies
	 * @throws IllegalArgumentException if an annotation is invalid (e.g. an empty service
	 * id)
	 */
	@Nullable CallerPolicy policy(HandlerMethod handler, boolean pathRuleApplies) {
		HandlerPolicy policy = handlerPolicy(handler);
		return (policy.named() || !pathRuleApplies) ? policy.policy() : null;
	}

	/**
	 * The policy of a functional endpoint's handler for a request an s2s filter chain
	 * handled.
	 * @param pathRuleApplies whether a public or service-only path covers the request
	 * @return the policy, or {@code null} when none applies
	 */
	@Nullable CallerPolicy functionalPolicy(boolean pathRuleApplies) {
		return pathRuleApplies ? null : this.functionalEndpoints;
	}

	/**
	 * The policy a handler method names itself (annotations, parameter types), whatever
	 * the chain.
	 * @param handler the handler method
	 * @return the policy, or {@code null} when it names none
	 */
	@Nullable CallerPolicy namedPolicy(HandlerMethod handler) {
		HandlerPolicy policy = handlerPolicy(handler);
		return policy.named() ? policy.policy() : null;
	}

	/**
	 * Describe the callers a handler method admits, for the startup policy log.
	 * @param handler the handler method
	 * @return the description, or {@code null} when it names no caller
	 */
	public @Nullable String describe(HandlerMethod handler) {
		CallerPolicy policy = namedPolicy(handler);
		return (policy != null) ? policy.describe() + " (" + policy.source() + ")" : null;
	}

	/**
	 * Whether a handler method names no caller and is governed by nothing else, so that
	 * the default for unannotated handlers applies to it.
	 * @param handler the handler method
	 * @return whether the default applies
	 */
	public boolean isUnannotated(HandlerMethod handler) {
		HandlerPolicy policy = handlerPolicy(handler);
		return !policy.named() && policy.policy() != null;
	}

	/**
	 * What happens to handlers that name no caller.
	 * @return the setting
	 */
	public UnannotatedHandlers unannotated() {
		return this.unannotated;
	}

	/**
	 * The service ids named by the annotations read so far; the s2s auto-configuration
	 * reads every handler at startup.
	 * @return the service ids
	 */
	public Set<String> serviceIds() {
		return Collections.unmodifiableSet(this.serviceIds);
	}

	private HandlerPolicy handlerPolicy(HandlerMethod handler) {
		return this.policies.computeIfAbsent(new HandlerKey(handler.getBeanType(), handler.getMethod()), (key) -> {
			HandlerPolicy policy = resolve(key.type(), key.method());
			if (policy.named() && policy.policy() != null) {
				this.serviceIds.addAll(policy.policy().serviceIds());
			}
			return policy;
		});
	}

	private HandlerPolicy resolve(Class<?> type, Method method) {
		String where = type.getSimpleName() + "." + method.getName();
		try {
			CallerPolicy named = named(type, method, where);
			if (named != null) {
				return new HandlerPolicy(true, named);
			}
			if (isExempt(type) || isMethodSecured(type, method)) {
				return new HandlerPolicy(false, null);
			}
			return new HandlerPolicy(false, fallback("no caller annotation on " + where));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid caller annotation on " + where + ": " + ex.getMessage(), ex);
		}
	}

	private static @Nullable CallerPolicy named(Class<?> type, Method method, String where) {
		Set<String> names = new LinkedHashSet<>();
		List<CallerRule> rules = rules(method, names);
		if (rules.isEmpty()) {
			rules = rules(type, names);
		}
		Class<?> parameter = callerParameter(method);
		if (rules.isEmpty()) {
			if (parameter == null) {
				return null;
			}
			String source = ClassUtils.getShortName(parameter) + " parameter of " + where;
			CallerType kind = kind(parameter);
			return (kind != null) ? new CallerPolicy(source, List.of(CallerRule.of(kind, Set.of(), Set.of(), Set.of())))
					: CallerPolicy.anyCaller(source);
		}
		CallerPolicy policy = new CallerPolicy(String.join(", ", names) + " on " + where, rules);
		CallerType kind = (parameter != null) ? kind(parameter) : null;
		return (kind != null) ? policy.onlyFor(kind) : policy;
	}

	/**
	 * The caller type a handler takes as a parameter: one of the three kinds, or
	 * {@link CallerAuthentication} for any of them.
	 */
	private static @Nullable Class<?> callerParameter(Method method) {
		Class<?> found = null;
		for (Class<?> parameterType : method.getParameterTypes()) {
			if (!CallerAuthentication.class.isAssignableFrom(parameterType)) {
				continue;
			}
			if (found == null || found == CallerAuthentication.class) {
				found = parameterType;
			}
			else {
				Assert.isTrue(parameterType == found || parameterType == CallerAuthentication.class,
						"it takes two kinds of caller as parameters");
			}
		}
		return found;
	}

	private static @Nullable CallerType kind(Class<?> parameterType) {
		if (parameterType == ServiceAuthentication.class) {
			return CallerType.SERVICE;
		}
		if (parameterType == UserAuthentication.class) {
			return CallerType.USER;
		}
		return (parameterType == DelegatedAuthentication.class) ? CallerType.DELEGATED : null;
	}

	private boolean isExempt(Class<?> type) {
		return type.getName().endsWith(OPTIONS_HANDLER) || ClassUtils.getAllInterfacesForClassAsSet(type)
			.stream()
			.anyMatch((candidate) -> candidate.getName().equals(ERROR_CONTROLLER));
	}

	private boolean isMethodSecured(Class<?> type, Method method) {
		return this.methodSecurity.stream()
			.anyMatch((pointcut) -> pointcut.getClassFilter().matches(type)
					&& pointcut.getMethodMatcher().matches(method, type));
	}

	private CallerPolicy fallback(String source) {
		return (this.unannotated == UnannotatedHandlers.AUTHENTICATED) ? CallerPolicy.anyCaller(source)
				: new CallerPolicy(source, List.of());
	}

	private static List<CallerRule> rules(AnnotatedElement element, Set<String> names) {
		MergedAnnotations annotations = MergedAnnotations.from(element, SearchStrategy.TYPE_HIERARCHY);
		List<CallerRule> rules = new ArrayList<>();
		MergedAnnotation<ServiceCaller> service = annotations.get(ServiceCaller.class);
		if (service.isPresent()) {
			rules.add(rule(CallerType.SERVICE, service, List.of()));
			names.add("@ServiceCaller");
		}
		MergedAnnotation<UserCaller> user = annotations.get(UserCaller.class);
		if (user.isPresent()) {
			rules.add(CallerRule.of(CallerType.USER, List.of(), List.of(user.getStringArray("scopes")),
					List.of(user.getStringArray("roles"))));
			names.add("@UserCaller");
		}
		MergedAnnotation<DelegatedCaller> delegated = annotations.get(DelegatedCaller.class);
		if (delegated.isPresent()) {
			rules.add(rule(CallerType.DELEGATED, delegated, List.of(delegated.getStringArray("roles"))));
			names.add("@DelegatedCaller");
		}
		return rules;
	}

	private static CallerRule rule(CallerType type, MergedAnnotation<?> annotation, List<String> roles) {
		return CallerRule.of(type, List.of(annotation.getStringArray("services")),
				List.of(annotation.getStringArray("scopes")), roles);
	}

	/**
	 * What governs a handler method.
	 *
	 * @param named whether the handler names its callers itself
	 * @param policy its policy (named or the default), or {@code null} when something
	 * else governs it (method security, or nothing to protect)
	 */
	private record HandlerPolicy(boolean named, @Nullable CallerPolicy policy) {

	}

	private record HandlerKey(Class<?> type, Method method) {

	}

}
