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
package dev.s2s.security.autoconfigure.authorization;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.CorrelationIdFilter;
import dev.s2s.security.authorization.CorrelationIds;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link S2sAuthorizationAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class S2sAuthorizationAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
				S2sAuthorizationAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform");

	@Test
	void backsOffWhenNoIssuerIsConfigured() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sAuthorizationAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=inventory-service")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CallerPolicies.class));
	}

	@Test
	void servletApplicationGetsThePoliciesAndAuditBridgeButNoFilterBean() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CallerPolicies.class)
				.hasSingleBean(CorrelationIds.class)
				.hasBean("s2sAuthorizationAuditEvents");
			// A Filter bean would be registered for every request of the application.
			assertThat(context.getBeansOfType(Filter.class).values())
				.noneMatch(S2sAuthorizationAutoConfigurationTests::isOurs);
		});
	}

	@Test
	void correlationIdIsTheTraceIdWhenTracingHasASpan() {
		Tracer tracer = mock(Tracer.class, RETURNS_DEEP_STUBS);
		given(tracer.currentSpan().context().traceId()).willReturn("4bf92f3577b34da6a3ce929d0e0e4736");
		this.contextRunner.withBean(Tracer.class, () -> tracer)
			.run((context) -> assertThat(correlationId(context)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	@Test
	void correlationIdIsRandomWithoutTracing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(correlationId(context)).matches("[0-9a-f-]{36}"));
	}

	@Test
	void auditBridgeBacksOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AuditApplicationEvent.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("s2sAuthorizationAuditEvents"));
	}

	@Test
	void reactiveApplicationDeclaresNoWebFilterBean() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
							S2sAuthorizationAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CallerPolicies.class);
				// A WebFilter bean would run for every exchange of the application.
				assertThat(context.getBeansOfType(WebFilter.class).values())
					.noneMatch(S2sAuthorizationAutoConfigurationTests::isOurs);
			});
	}

	@Test
	void servicePathWithoutPatternFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.authorization.service-paths[0].services=order-service")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.authorization.service-paths[0].pattern"));
	}

	@Test
	void invalidPublicPathFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.authorization.public-paths=/health,/api/{broken")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.authorization.public-paths[1]"));
	}

	@Test
	void patternWithoutItsLeadingSlashFailsStartupOnBothStacks() {
		this.contextRunner.withPropertyValues("s2s.security.authorization.service-paths[0].pattern=api/internal/**")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.authorization.service-paths[0]")
				.hasMessageContaining("'api/internal/**' does not start with '/'; write '/api/internal/**'"));
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
							S2sAuthorizationAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform",
					"s2s.security.authorization.public-paths=health")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.authorization.public-paths[0]")
				.hasMessageContaining("'health' does not start with '/'"));
	}

	@Test
	void scopeThatCannotBeQuotedInAChallengeFailsStartup() {
		this.contextRunner
			.withPropertyValues("s2s.security.authorization.service-paths[0].pattern=/api/internal/**",
					"s2s.security.authorization.service-paths[0].scopes=a\"b")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.authorization.service-paths[0]")
				.hasMessageContaining("invalid scope"));
	}

	@Test
	void startupLogListsEachProtectedEndpointWithItsRule(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(StockController.class, OpenController.class)
			.withPropertyValues("s2s.security.authorization.service-paths[0].pattern=/api/internal/**",
					"s2s.security.authorization.public-paths=/health")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ServicePathRules.class).publicPaths()).containsExactly("/health");
				assertThat(output).contains(
						"s2s endpoint policy: GET [/stock] -> services [order-service] (@ServiceCaller on StockController.stock)")
					.contains("s2s endpoint policy: GET [/stock/mine] -> users with any role of [customer] "
							+ "(@UserCaller on StockController.mine)")
					.contains("s2s endpoint policy: GET [/api/internal/reindex] -> services (any) "
							+ "(service path /api/internal/**)")
					.contains("s2s endpoint policy: GET [/health] -> public (no token needed)")
					.doesNotContain("s2s endpoint policy: GET [/open]")
					.contains("s2s endpoint policy: 1 handler(s) name no caller and are denied to every caller (403) "
							+ "(s2s.security.authorization.unannotated=deny)")
					.contains("  GET [/open] (OpenController.open)");
			});
	}

	@Test
	void startupLogListsEachProtectedEndpointOnWebFluxToo(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
							S2sAuthorizationAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform",
					"s2s.security.authorization.service-paths[0].pattern=/api/internal/**")
			.withUserConfiguration(StockController.class, OpenController.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains(
						"s2s endpoint policy: GET [/stock] -> services [order-service] (@ServiceCaller on StockController.stock)")
					.contains("s2s endpoint policy: GET [/api/internal/reindex] -> services (any) "
							+ "(service path /api/internal/**)")
					.contains("  GET [/open] (OpenController.open)");
			});
	}

	@Test
	void invalidAnnotationFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(BrokenController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining(
						"Invalid caller annotation on BrokenController.broken: service ids cannot be empty"));
	}

	private static boolean isOurs(Object bean) {
		return bean.getClass().getName().startsWith("dev.s2s.");
	}

	private static String correlationId(ApplicationContext context) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CorrelationIdFilter(context.getBean(CorrelationIds.class))
			.doFilter(new MockHttpServletRequest("GET", "/stock"), response, new MockFilterChain());
		return response.getHeader("X-Correlation-Id");
	}

	@RestController
	@ServiceCaller("order-service")
	static class StockController {

		@GetMapping("/stock")
		String stock() {
			return "stock";
		}

		@GetMapping("/stock/mine")
		@UserCaller(roles = "customer")
		String mine() {
			return "mine";
		}

	}

	@RestController
	static class OpenController {

		@GetMapping("/api/internal/reindex")
		String reindex() {
			return "reindex";
		}

		@GetMapping("/health")
		String health() {
			return "up";
		}

		@GetMapping("/open")
		String open() {
			return "open";
		}

	}

	@RestController
	static class BrokenController {

		@GetMapping("/broken")
		@ServiceCaller("")
		String broken() {
			return "broken";
		}

	}

}
