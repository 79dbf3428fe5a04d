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
package dev.s2s.security.autoconfigure.check;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundAutoConfiguration;
import dev.s2s.security.autoconfigure.web.S2sWebSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Startup fails, naming the key and what to write, on every configuration whose rules
 * would silently not apply.
 */
@ExtendWith(OutputCaptureExtension.class)
class S2sConfigurationCheckTests {

	private static final String ISSUER = "s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(S2sConfigurationCheckAutoConfiguration.class, S2sSecurityAutoConfiguration.class,
					S2sInboundAutoConfiguration.class, S2sOutboundAutoConfiguration.class,
					S2sAuthorizationAutoConfiguration.class, S2sWebSecurityAutoConfiguration.class,
					SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	@Test
	void applicationWithTheStarterAndNothingConfiguredStarts() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanFactory().containsSingleton("serviceIdentity")).isFalse();
		});
	}

	@Test
	void misspeltKeyFailsWithItsOriginAndTheKeyItMeant() {
		this.contextRunner.withPropertyValues("s2s.security.sevice-id=inventory-service")
			.run((context) -> assertThat(analysis(context)).satisfies((analysis) -> {
				assertThat(analysis.getDescription()).contains("s2s.security.sevice-id (from ");
				assertThat(analysis.getAction())
					.contains("s2s.security.sevice-id: did you mean 's2s.security.service-id'?");
			}));
	}

	@Test
	void typoInsideAListEntryFailsInsteadOfSwitchingInboundOff() {
		this.contextRunner
			.withPropertyValues("s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].isuer-uri=https://idp.example.com")
			.run((context) -> assertThat(analysis(context).getAction())
				.contains("did you mean 's2s.security.inbound.issuers[0].issuer-uri'?"));
	}

	@Test
	void typoInAMapNameFailsWithTheKeyItMeant() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targts.order-service.base-urls=http://o")
			.run((context) -> assertThat(analysis(context).getAction())
				.contains("did you mean 's2s.security.outbound.targets.order-service.base-urls'?"));
	}

	@Test
	void movedKeyIsNamedWithItsNewPlace() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.service-path[0].pattern=/api/internal/**")
			.run((context) -> assertThat(analysis(context).getAction())
				.contains("did you mean 's2s.security.authorization.service-paths[0].pattern'?"));
	}

	@Test
	void keyWithNothingCloseSaysSo() {
		this.contextRunner.withPropertyValues("s2s.security.whatever=1")
			.run((context) -> assertThat(analysis(context).getAction())
				.contains("s2s.security.whatever: no such key in s2s.security"));
	}

	@Test
	void servicePathWithoutATrustedIssuerFailsStartup() {
		this.contextRunner.withPropertyValues("s2s.security.authorization.service-paths[0].pattern=/api/internal/**")
			.run((context) -> assertThat(context).getFailure()

				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.authorization.service-paths")
				.hasMessageContaining("No trusted issuer is configured")
				.hasMessageContaining("s2s.security.inbound.issuers[0].issuer-uri"));
	}

	@Test
	void callerAnnotationWithoutATrustedIssuerFailsStartup() {
		this.contextRunner.withUserConfiguration(StockController.class)
			.run((context) -> assertThat(context).getFailure()

				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.inbound.issuers")
				.hasMessageContaining("@ServiceCaller on StockController.stock says who may call. No trusted issuer"));
	}

	@Test
	void maxResponseSizeAbove2GbFailsNamingItsOwnKey() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.jwks.max-response-size=3GB")
			.run((context) -> assertThat(context).getFailure()

				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property s2s.security.inbound.jwks.max-response-size ")
				.hasMessageContaining("below 2GB"));
	}

	@Test
	void negativeClockSkewFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.inbound.clock-skew=-1s")
			.run((context) -> assertThat(context).getFailure()

				.hasMessageContaining("Property s2s.security.inbound.clock-skew "));
	}

	@Test
	void backoffBelowItsStartFailsNamingTheKey() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.initial-backoff=10s", "s2s.security.outbound.max-backoff=1s")
			.run((context) -> assertThat(context).getFailure()

				.hasMessageContaining("Property s2s.security.outbound.max-backoff ")
				.hasMessageContaining("initial-backoff"));
	}

	@Test
	void invalidTargetScopeFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.order-service.scopes=a\"b")
			.run((context) -> assertThat(context).getFailure()

				.hasMessageContaining("Property s2s.security.outbound.targets.order-service.scopes[0] "));
	}

	@Test
	void serviceIdIsRequiredOnlyByAFeatureThatNeedsIt() {
		this.contextRunner.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property s2s.security.service-id "));
		this.contextRunner.withPropertyValues(ISSUER, "s2s.security.service-id=inventory-service")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ServiceIdentity.class));
	}

	@Test
	void unknownProviderListsTheValuesAsTheyAreWritten(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("s2s.security.inbound.issuers[0].provider", "keycloack",
				"s2s.security.inbound.issuers[0].issuer-uri", "https://idp.example.com"));
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("spring-authorization-server")
			.contains("entra-id")
			.doesNotContain("SPRING_AUTHORIZATION_SERVER");
	}

	@Test
	void unknownKeyIsExplainedWhenTheApplicationRuns(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("s2s.security.sevice-id", "inventory-service"));
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("s2s-security does not know these keys")
			.contains("did you mean 's2s.security.service-id'?");
	}

	private static FailureAnalysis analysis(AssertableWebApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		assertThat(failure).hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class);
		FailureAnalysis analysis = new UnknownPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.boot.autoconfigure.EnableAutoConfiguration
	static class Empty {

	}

	@RestController
	static class StockController {

		@GetMapping("/stock")
		@ServiceCaller("order-service")
		String stock() {
			return "stock";
		}

	}

}
