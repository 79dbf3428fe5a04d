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
package dev.s2s.security.autoconfigure.web;

import java.util.List;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.authorization.S2sChainMarker;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.web.S2sHttpConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S2sWebSecurityAutoConfiguration}: where the s2s chain sits among the
 * application's chains.
 */
class S2sWebSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class,
				S2sAuthorizationAutoConfiguration.class, S2sWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform");

	@Test
	void s2sChainHandlesEveryRequestWhenTheApplicationHasNoChain() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("s2sSecurityFilterChain");
			assertThat(s2s(context.getBean(FilterChainProxy.class).getFilterChains())).containsExactly(true);
		});
	}

	@Test
	void s2sChainStaysLastBesideAChainForTheApplicationsOwnPaths() {
		this.contextRunner.withUserConfiguration(UiChain.class).run((context) -> {
			assertThat(context).hasNotFailed();
			List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
			assertThat(s2s(chains)).containsExactly(false, true);
			assertThat(chains.get(0)).isSameAs(context.getBean("uiChain"));
		});
	}

	@Test
	void s2sChainBacksOffForAnApplicationChainThatHandlesEveryRequestWithS2s() {
		this.contextRunner.withUserConfiguration(S2sApplicationChain.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("apiChain");
			assertThat(s2s(context.getBean(FilterChainProxy.class).getFilterChains())).containsExactly(true);
		});
	}

	@Test
	void applicationChainThatHandlesEveryRequestWithoutS2sFailsStartupSayingHowToCombine() {
		this.contextRunner.withUserConfiguration(ApplicationChainWithoutS2s.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(
						"The SecurityFilterChain bean 'everything' handles every request without " + "s2s-security")
				.hasMessageContaining("http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())")
				.hasMessageContaining("http.securityMatcher(\"/ui/**\")"));
	}

	@Test
	void narrowedDispatcherTypesFailStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("spring.security.filter.dispatcher-types=request,async")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("spring.security.filter.dispatcher-types")
				.hasMessageContaining("'request, forward, include, error'"));
		this.contextRunner.withPropertyValues("spring.security.filter.dispatcher-types=REQUEST,FORWARD,INCLUDE,ERROR")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void servicePathHandledByAnApplicationChainWithoutS2sFailsStartup() {
		this.contextRunner.withUserConfiguration(ApiChainWithoutS2s.class)
			.withPropertyValues("s2s.security.authorization.service-paths[0].pattern=/api/internal/**")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("s2s-security's rules would not hold for these requests")
				.hasMessageContaining("GET /api/internal/x (service path /api/internal/**) is handled by the "
						+ "filter chain 'apiWithoutS2s'")
				.hasMessageContaining("http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())"));
	}

	@Test
	void annotatedHandlerHandledByAnApplicationChainWithoutS2sFailsStartup() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withUserConfiguration(ApiChainWithoutS2s.class, StockController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("GET /api/stock/x (services [order-service] (@ServiceCaller on "
						+ "StockController.stock)) is handled by the filter chain 'apiWithoutS2s'"));
	}

	@Test
	void rulesHandledByAnApplicationChainThatAppliesS2sStart() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withUserConfiguration(ApiChainWithS2s.class, StockController.class)
			.withPropertyValues("s2s.security.authorization.service-paths[0].pattern=/api/internal/**")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void reactiveAnnotatedHandlerHandledByAnApplicationChainWithoutS2sFailsStartup() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class,
					S2sInboundAutoConfiguration.class, S2sAuthorizationAutoConfiguration.class,
					S2sWebSecurityAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=https://idp.example.com/realms/platform")
			.withUserConfiguration(ReactiveApiChainWithoutS2s.class, StockController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("GET /api/stock/x (services [order-service] (@ServiceCaller on "
						+ "StockController.stock)) is handled by the filter chain 'apiWithoutS2s'"));
	}

	private static List<Boolean> s2s(List<SecurityFilterChain> chains) {
		return chains.stream()
			.map((chain) -> chain.getFilters().stream().anyMatch(S2sChainMarker.class::isInstance))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class UiChain {

		@Bean
		SecurityFilterChain uiChain(HttpSecurity http) {
			return http.securityMatcher("/ui/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class S2sApplicationChain {

		@Bean
		SecurityFilterChain apiChain(HttpSecurity http) {
			return http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApiChainWithoutS2s {

		@Bean
		SecurityFilterChain apiWithoutS2s(HttpSecurity http) {
			return http.securityMatcher("/api/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApiChainWithS2s {

		@Bean
		SecurityFilterChain apiWithS2s(HttpSecurity http) {
			return http.securityMatcher("/api/**")
				.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveApiChainWithoutS2s {

		@Bean
		SecurityWebFilterChain apiWithoutS2s(ServerHttpSecurity http) {
			return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.build();
		}

	}

	@RestController
	static class StockController {

		@GetMapping("/api/stock/{sku}")
		@ServiceCaller("order-service")
		String stock() {
			return "stock";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationChainWithoutS2s {

		@Bean
		SecurityFilterChain everything(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
