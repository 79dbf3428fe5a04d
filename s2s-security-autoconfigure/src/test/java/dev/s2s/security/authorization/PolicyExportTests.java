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
import java.util.List;
import java.util.Map;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.authorization.PolicyExport.HandlerEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Pointcut;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PolicyExport}: the document's members and their order, each endpoint's
 * access as the code and configuration decide it, and the service-only and public paths
 * (see docs/operations.md, "Policy export").
 */
class PolicyExportTests {

	private static final ServicePathRules RULES = ServicePathRules.builder()
		.publicPath("/docs/**")
		.servicePath("/api/internal/**", List.of("orders"), List.of("stock.read"))
		.build();

	private final List<HandlerEndpoint> endpoints = new ArrayList<>();

	@Test
	void documentMembersInTheirStableOrder() {
		Map<String, Object> document = export(new CallerPolicies()).document();
		assertThat(document.keySet()).containsExactly("schemaVersion", "service", "unannotatedHandlers", "endpoints",
				"servicePaths", "publicPaths");
		assertThat(document).containsEntry("schemaVersion", 1)
			.containsEntry("service", "inventory")
			.containsEntry("unannotatedHandlers", "deny")
			.containsEntry("endpoints", List.of())
			.containsEntry("publicPaths", List.of("/docs/**"));
		assertThat(document.get("servicePaths"))
			.isEqualTo(List.of(Map.of("pattern", "/api/internal/**", "callers", List.of(Map.of("type", "service",
					"services", List.of("orders"), "scopes", List.of("stock.read"), "roles", List.of())))));
	}

	@Test
	void anEndpointThatNamesItsCallers() {
		this.endpoints.add(new HandlerEndpoint(List.of("POST", "GET"), List.of("/stock"), handler("orders")));
		Map<String, Object> endpoint = onlyEndpoint(new CallerPolicies());
		assertThat(endpoint.keySet()).containsExactly("methods", "patterns", "handler", "access", "callers", "rule",
				"pathRules");
		assertThat(endpoint).containsEntry("methods", List.of("GET", "POST"))
			.containsEntry("patterns", List.of("/stock"))
			.containsEntry("handler", "Handlers.orders")
			.containsEntry("access", "callers")
			.containsEntry("callers",
					List.of(Map.of("type", "service", "services", List.of("orders"), "scopes", List.of(), "roles",
							List.of())))
			.containsEntry("rule", "services [orders] (@ServiceCaller on Handlers.orders)")
			.containsEntry("pathRules", List.of());
	}

	@Test
	void anEndpointMappedToEveryMethodListsAStar() {
		this.endpoints.add(new HandlerEndpoint(List.of(), List.of("/me"), handler("users")));
		Map<String, Object> endpoint = onlyEndpoint(new CallerPolicies());
		assertThat(endpoint).containsEntry("methods", List.of("*"))
			.containsEntry("callers", List
				.of(Map.of("type", "user", "services", List.of(), "scopes", List.of(), "roles", List.of("admin"))));
	}

	@Test
	void anUnannotatedEndpointIsDeniedOrAdmitsAnyAuthenticatedCaller() {
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/open"), handler("open")));
		assertThat(onlyEndpoint(new CallerPolicies())).containsEntry("access", "denied")
			.containsEntry("callers", List.of())
			.containsEntry("rule", null)
			.containsEntry("pathRules", List.of());
		CallerPolicies authenticated = new CallerPolicies(UnannotatedHandlers.AUTHENTICATED, List.of());
		assertThat(onlyEndpoint(authenticated)).containsEntry("access", "any-authenticated");
		assertThat(export(authenticated).document()).containsEntry("unannotatedHandlers", "authenticated");
	}

	@Test
	void anUnannotatedEndpointThatPathRulesCoverIsGovernedByThem() {
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/api/internal/stock"), handler("open")));
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/docs/index"), handler("open")));
		List<Map<String, Object>> endpoints = endpoints(new CallerPolicies());
		assertThat(endpoints.get(0)).containsEntry("patterns", List.of("/api/internal/stock"))
			.containsEntry("access", "path-rules")
			.containsEntry("pathRules",
					List.of("services [orders] with scopes [stock.read] (service path /api/internal/**)"));
		assertThat(endpoints.get(1)).containsEntry("patterns", List.of("/docs/index"))
			.containsEntry("access", "path-rules")
			.containsEntry("pathRules", List.of("public (no token needed)"));
	}

	@Test
	void anUnannotatedEndpointThatPathRulesCoverOnlyInPartIsStillDenied() {
		this.endpoints
			.add(new HandlerEndpoint(List.of("GET"), List.of("/stock", "/api/internal/stock"), handler("open")));
		assertThat(onlyEndpoint(new CallerPolicies())).containsEntry("access", "denied")
			.containsEntry("patterns", List.of("/api/internal/stock", "/stock"))
			.containsEntry("pathRules", List
				.of("/api/internal/stock: services [orders] with scopes [stock.read] (service path /api/internal/**)"));
	}

	@Test
	void anUnannotatedEndpointWithoutPatternsIsDenied() {
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of(), handler("open")));
		assertThat(onlyEndpoint(new CallerPolicies())).containsEntry("access", "denied")
			.containsEntry("patterns", List.of())
			.containsEntry("pathRules", List.of());
	}

	@Test
	void anEndpointOnlyMethodSecurityGovernsIsNotGovernedUnlessAPathRuleCoversIt() {
		Pointcut preAuthorize = AuthorizationManagerBeforeMethodInterceptor.preAuthorize().getPointcut();
		CallerPolicies policies = new CallerPolicies(UnannotatedHandlers.DENY, List.of(preAuthorize));
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/secured"), handler("secured")));
		assertThat(onlyEndpoint(policies)).containsEntry("access", "not-governed").containsEntry("rule", null);
		this.endpoints.clear();
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/api/internal/secured"), handler("secured")));
		assertThat(onlyEndpoint(policies)).containsEntry("access", "path-rules");
	}

	@Test
	void anEndpointThatNamesItsCallersUnderAPathRuleListsBoth() {
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/api/internal/stock"), handler("orders")));
		assertThat(onlyEndpoint(new CallerPolicies())).containsEntry("access", "callers")
			.containsEntry("pathRules",
					List.of("services [orders] with scopes [stock.read] (service path /api/internal/**)"));
	}

	@Test
	void endpointsAreSortedByPatternsThenMethodsAndReadOnEveryExport() {
		this.endpoints.add(new HandlerEndpoint(List.of("POST"), List.of("/b"), handler("open")));
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/b"), handler("orders")));
		this.endpoints.add(new HandlerEndpoint(List.of("GET"), List.of("/a"), handler("users")));
		PolicyExport export = export(new CallerPolicies());
		assertThat(endpoints(export)).extracting((endpoint) -> endpoint.get("handler"))
			.containsExactly("Handlers.users", "Handlers.orders", "Handlers.open");
		this.endpoints.clear();
		assertThat(endpoints(export)).isEmpty();
	}

	@Test
	void itsPartsAreRequired() {
		CallerPolicies policies = new CallerPolicies();
		assertThatIllegalArgumentException().isThrownBy(() -> new PolicyExport(" ", policies, RULES, List::of))
			.withMessage("serviceId cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new PolicyExport("inventory", null, RULES, List::of))
			.withMessage("policies cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new PolicyExport("inventory", policies, null, List::of))
			.withMessage("rules cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new PolicyExport("inventory", policies, RULES, null))
			.withMessage("endpoints cannot be null");
		assertThat(export(policies)).hasToString("PolicyExport[inventory]");
	}

	private PolicyExport export(CallerPolicies policies) {
		return new PolicyExport("inventory", policies, RULES, () -> this.endpoints);
	}

	private Map<String, Object> onlyEndpoint(CallerPolicies policies) {
		List<Map<String, Object>> endpoints = endpoints(policies);
		assertThat(endpoints).hasSize(1);
		return endpoints.get(0);
	}

	private List<Map<String, Object>> endpoints(CallerPolicies policies) {
		return endpoints(export(policies));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> endpoints(PolicyExport export) {
		return (List<Map<String, Object>>) export.document().get("endpoints");
	}

	private static HandlerMethod handler(String name) {
		try {
			return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Handlers {

		@ServiceCaller(services = "orders")
		void orders() {
		}

		@UserCaller(roles = "admin")
		void users() {
		}

		void open() {
		}

		@PreAuthorize("hasRole('admin')")
		void secured() {
		}

	}

}
