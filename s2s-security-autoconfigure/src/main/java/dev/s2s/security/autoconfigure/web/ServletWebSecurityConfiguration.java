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

import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.web.S2sHttpConfigurer;
import jakarta.servlet.DispatcherType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The servlet s2s filter chain: public paths and error dispatches are permitted,
 * everything else needs a valid token, and the s2s rules decide after that.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, RequestMappingHandlerMapping.class })
class ServletWebSecurityConfiguration {

	static final String CHAIN = "s2sSecurityFilterChain";

	private static final String DISPATCHER_TYPES = "spring.security.filter.dispatcher-types";

	private static final Set<DispatcherType> REQUIRED_DISPATCHER_TYPES = EnumSet.of(DispatcherType.REQUEST,
			DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ERROR);

	/**
	 * The chain, last among the application's. It backs off only when a chain of the
	 * application that applies s2s already handles every request (Spring Security allows
	 * no chain after one for every request); a bean method may return {@code null} to say
	 * so.
	 */
	@Bean(CHAIN)
	@Order(Ordered.LOWEST_PRECEDENCE)
	@Nullable SecurityFilterChain s2sSecurityFilterChain(HttpSecurity http, ListableBeanFactory beans, ServicePathRules rules,
			Environment environment) {
		requireEveryDispatcherType(environment);
		if (applicationChainHandlesEveryRequest(beans)) {
			return null;
		}
		String[] publicPaths = rules.publicPaths().toArray(String[]::new);
		http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults()).authorizeHttpRequests((requests) -> {
			// An error dispatch renders the error of a request that was already decided.
			requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
			if (publicPaths.length > 0) {
				requests.requestMatchers(publicPaths).permitAll();
			}
			requests.anyRequest().authenticated();
		});
		return http.build();
	}

	private static boolean applicationChainHandlesEveryRequest(ListableBeanFactory beans) {
		for (String name : beans.getBeanNamesForType(SecurityFilterChain.class, false, false)) {
			if (name.equals(CHAIN)) {
				continue;
			}
			SecurityFilterChain chain = beans.getBean(name, SecurityFilterChain.class);
			if (chain instanceof DefaultSecurityFilterChain defaults
					&& defaults.getRequestMatcher() instanceof AnyRequestMatcher) {
				if (S2sHttpConfigurer.appliesTo(chain)) {
					return true;
				}
				throw new IllegalStateException("The SecurityFilterChain bean '" + name
						+ "' handles every request without s2s-security, so s2s-security's chain would never "
						+ "see one and its rules (caller annotations, service-only paths, default deny) would "
						+ "not hold. Either apply s2s-security in it: "
						+ "http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults()); or limit it to its own "
						+ "requests, e.g. http.securityMatcher(\"/ui/**\").");
			}
		}
		return false;
	}

	@Bean
	SmartInitializingSingleton s2sRuleCoverageCheck(ListableBeanFactory beans, ServicePathRules rules,
			CallerPolicies policies, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return () -> beans.getBeanProvider(FilterChainProxy.class).ifAvailable((proxy) -> {
			Map<SecurityFilterChain, String> names = new IdentityHashMap<>();
			beans.getBeansOfType(SecurityFilterChain.class).forEach((name, chain) -> names.put(chain, name));
			Map<String, SecurityFilterChain> chains = new LinkedHashMap<>();
			proxy.getFilterChains().forEach((chain) -> chains.put(names.getOrDefault(chain, chain.toString()), chain));
			List<Probes.Mapping> handlers = mappings.orderedStream()
				.flatMap((mapping) -> mapping.getHandlerMethods().entrySet().stream())
				.map((entry) -> new Probes.Mapping(
						entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList(),
						entry.getKey().getPatternValues(), entry.getValue()))
				.toList();
			new RuleCoverage<>(chains, S2sHttpConfigurer::appliesTo).check(Probes.of(rules, handlers, policies),
					(chain, probe) -> chain.matches(Probes.servletRequest(probe)));
		});
	}

	/**
	 * A forward, include or error dispatch that skips Spring Security would reach
	 * handlers that the s2s rules never saw.
	 */
	private static void requireEveryDispatcherType(Environment environment) {
		Binder.get(environment).bind(DISPATCHER_TYPES, Bindable.setOf(String.class)).ifBound((configured) -> {
			Set<DispatcherType> types = configured.stream()
				.map((type) -> DispatcherType.valueOf(type.trim().toUpperCase(Locale.ROOT)))
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(DispatcherType.class)));
			if (!types.containsAll(REQUIRED_DISPATCHER_TYPES)) {
				throw new InvalidConfigurationPropertyValueException(DISPATCHER_TYPES, String.join(",", configured),
						"s2s-security enforces its rules on forward, include and error dispatches too; "
								+ "remove this property or list at least 'request, forward, include, error'.");
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = "springSecurityFilterChain")
	@EnableWebSecurity
	static class EnableWebSecurityConfiguration {

	}

}
