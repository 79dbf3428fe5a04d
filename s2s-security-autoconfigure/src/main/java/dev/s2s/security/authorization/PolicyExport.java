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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;

/**
 * This service's endpoint policy as a stable document that a platform can collect from
 * every service to draw who may call whom: every handler with the callers it admits, the
 * service-only and public paths, and the handlers that name no caller. It holds no token,
 * secret or claim; only what the code and configuration say.
 * <p>
 * The document is a map of JSON values (strings, lists, maps, numbers) whose shape is
 * fixed by {@value #SCHEMA_VERSION} ({@code schemaVersion}); a later version only adds
 * members. See {@code docs/operations.md} for the format.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class PolicyExport {

	/**
	 * The version of the document's format.
	 */
	public static final int SCHEMA_VERSION = 1;

	private final String serviceId;

	private final CallerPolicies policies;

	private final ServicePathRules rules;

	private final Supplier<? extends Collection<HandlerEndpoint>> endpoints;

	/**
	 * Create an export.
	 * @param serviceId this service's id
	 * @param policies the caller policies of the handlers
	 * @param rules the service-only and public paths
	 * @param endpoints the handler methods with their mappings, read on every export
	 */
	public PolicyExport(String serviceId, CallerPolicies policies, ServicePathRules rules,
			Supplier<? extends Collection<HandlerEndpoint>> endpoints) {
		Assert.hasText(serviceId, "serviceId cannot be empty");
		Assert.notNull(policies, "policies cannot be null");
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(endpoints, "endpoints cannot be null");
		this.serviceId = serviceId;
		this.policies = policies;
		this.rules = rules;
		this.endpoints = endpoints;
	}

	/**
	 * The document.
	 * @return the document, in a stable member order
	 */
	public Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("schemaVersion", SCHEMA_VERSION);
		document.put("service", this.serviceId);
		document.put("unannotatedHandlers", this.policies.unannotated().name().toLowerCase(Locale.ROOT));
		List<Map<String, Object>> endpoints = new ArrayList<>();
		this.endpoints.get()
			.stream()
			.sorted((a, b) -> a.sortKey().compareTo(b.sortKey()))
			.forEach((endpoint) -> endpoints.add(endpoint(endpoint)));
		document.put("endpoints", endpoints);
		List<Map<String, Object>> servicePaths = new ArrayList<>();
		for (ServicePathRules.ServicePath path : this.rules.allServicePaths()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("pattern", path.pattern().getPatternString());
			entry.put("callers", callers(path.policy().rules()));
			servicePaths.add(entry);
		}
		document.put("servicePaths", servicePaths);
		document.put("publicPaths", this.rules.publicPaths());
		return document;
	}

	private Map<String, Object> endpoint(HandlerEndpoint endpoint) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("methods",
				endpoint.methods().isEmpty() ? List.of("*") : List.copyOf(new TreeSet<>(endpoint.methods())));
		entry.put("patterns", List.copyOf(new TreeSet<>(endpoint.patterns())));
		entry.put("handler",
				endpoint.handler().getBeanType().getSimpleName() + "." + endpoint.handler().getMethod().getName());
		CallerPolicy named = this.policies.namedPolicy(endpoint.handler());
		List<String> pathRules = new ArrayList<>();
		Set<String> patterns = new TreeSet<>(endpoint.patterns());
		for (String pattern : patterns) {
			String rule = this.rules.describe(pattern);
			if (rule != null) {
				pathRules.add((endpoint.patterns().size() > 1) ? pattern + ": " + rule : rule);
			}
		}
		// As at runtime: a path rule, not the default, governs a handler that names no
		// caller wherever it covers the handler's requests.
		boolean covered = !patterns.isEmpty() && pathRules.size() == patterns.size();
		entry.put("access", access(endpoint.handler(), named, pathRules, covered));
		entry.put("callers", (named != null) ? callers(named.rules()) : List.of());
		entry.put("rule", (named != null) ? named.describe() + " (" + named.source() + ")" : null);
		entry.put("pathRules", pathRules);
		return entry;
	}

	private String access(HandlerMethod handler, @Nullable CallerPolicy named, List<String> pathRules,
			boolean coveredByPathRules) {
		if (named != null) {
			return "callers";
		}
		if (this.policies.isUnannotated(handler) && !coveredByPathRules) {
			return (this.policies.unannotated() == UnannotatedHandlers.DENY) ? "denied" : "any-authenticated";
		}
		return pathRules.isEmpty() ? "not-governed" : "path-rules";
	}

	private static List<Map<String, Object>> callers(Collection<CallerRule> rules) {
		List<Map<String, Object>> callers = new ArrayList<>();
		for (CallerRule rule : rules) {
			Map<String, Object> caller = new LinkedHashMap<>();
			caller.put("type", rule.type().name().toLowerCase(Locale.ROOT));
			caller.put("services", List.copyOf(rule.services()));
			caller.put("scopes", List.copyOf(rule.scopes()));
			caller.put("roles", List.copyOf(rule.roles()));
			callers.add(caller);
		}
		return callers;
	}

	@Override
	public String toString() {
		return "PolicyExport[" + this.serviceId + "]";
	}

	/**
	 * A handler method with its mapping.
	 *
	 * @param methods the HTTP methods it is mapped to (empty for all)
	 * @param patterns its path patterns
	 * @param handler the handler method
	 */
	public record HandlerEndpoint(Collection<String> methods, Collection<String> patterns, HandlerMethod handler) {

		String sortKey() {
			return new TreeSet<>(this.patterns) + " " + new TreeSet<>(this.methods);
		}

	}

}
