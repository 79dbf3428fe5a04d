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

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.s2s.security.authorization.CallerDecisionRecorder;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.CorrelationIds;
import dev.s2s.security.authorization.ServerCallerAuthorizationManager;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.web.RefusalRecorder;
import dev.s2s.security.web.S2sServerHttpConfigurer;
import dev.s2s.security.workload.CertificateAuthenticator;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The reactive s2s filter chain, and the configurer that applies s2s to chains the
 * application writes: public paths are permitted, everything else needs a valid token,
 * and the s2s rules decide after that.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, Mono.class })
class ReactiveWebSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	S2sServerHttpConfigurer s2sServerHttpConfigurer(ReactiveJwtDecoder decoder, CallerClassifier classifier,
			ServicePathRules rules, CallerPolicies policies, ObjectProvider<RequestMappingHandlerMapping> controllers,
			ObjectProvider<RouterFunctionMapping> functions, CallerDecisionRecorder recorder,
			CorrelationIds correlationIds, ObjectProvider<AuthenticationEventPublisher> authenticationEvents,
			RefusalRecorder refusals, ObjectProvider<DPoPBinding> dpop,
			ObjectProvider<CertificateAuthenticator> certificates, ApplicationContext context) {
		List<HandlerMapping> mappings = Stream.concat(controllers.stream(), functions.stream())
			.map(HandlerMapping.class::cast)
			.sorted(AnnotationAwareOrderComparator.INSTANCE)
			.toList();
		S2sServerHttpConfigurer s2s = new S2sServerHttpConfigurer(decoder, classifier,
				new ServerCallerAuthorizationManager(rules, policies, mappings, recorder), correlationIds,
				authenticationEvents.getIfUnique(() -> new DefaultAuthenticationEventPublisher(context)), refusals);
		s2s.setCertificateAuthenticator(certificates.getIfUnique(CertificateAuthenticator::none));
		s2s.setAuthenticationManagerPostProcessor(
				S2sWebSecurityPostProcessors.of(context, ResolvableType.forClass(ReactiveAuthenticationManager.class)));
		s2s.setAuthorizationManagerPostProcessor(S2sWebSecurityPostProcessors.of(context,
				ResolvableType.forClassWithGenerics(ReactiveAuthorizationManager.class, ServerWebExchange.class)));
		dpop.ifAvailable(s2s::setDPoPBinding);
		return s2s;
	}

	/**
	 * The chain, last among the application's, so that chains the application writes for
	 * their own paths keep them.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityWebFilterChain s2sSecurityWebFilterChain(ServerHttpSecurity http, S2sServerHttpConfigurer s2s,
			ServicePathRules rules) {
		String[] publicPaths = rules.publicPaths().toArray(String[]::new);
		s2s.configure(http);
		return http.authorizeExchange((exchanges) -> {
			if (publicPaths.length > 0) {
				exchanges.pathMatchers(publicPaths).permitAll();
			}
			exchanges.anyExchange().access(s2s.authenticated());
		}).build();
	}

	@Bean
	SmartInitializingSingleton s2sRuleCoverageCheck(ObjectProvider<SecurityWebFilterChain> chainBeans,
			ListableBeanFactory beans, ServicePathRules rules, CallerPolicies policies,
			ObjectProvider<RequestMappingHandlerMapping> controllers) {
		return () -> {
			Map<SecurityWebFilterChain, String> names = new IdentityHashMap<>();
			beans.getBeansOfType(SecurityWebFilterChain.class).forEach((name, chain) -> names.put(chain, name));
			Map<String, SecurityWebFilterChain> chains = new LinkedHashMap<>();
			chainBeans.orderedStream().forEach((chain) -> chains.put(names.get(chain), chain));
			List<Probes.Mapping> handlers = controllers.orderedStream()
				.flatMap((mapping) -> mapping.getHandlerMethods().entrySet().stream())
				.map((entry) -> new Probes.Mapping(
						entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList(),
						entry.getKey()
							.getPatternsCondition()
							.getPatterns()
							.stream()
							.map(PathPattern::getPatternString)
							.toList(),
						entry.getValue()))
				.toList();
			new RuleCoverage<>(chains, S2sServerHttpConfigurer::appliesTo).check(Probes.of(rules, handlers, policies),
					(chain, probe) -> Boolean.TRUE.equals(chain.matches(Probes.exchange(probe)).block()));
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.context.ContextRegistry", "org.slf4j.MDC" })
	static class MdcPropagationConfiguration {

		@Bean
		MdcAccessors s2sMdcAccessors() {
			return MdcAccessors.register();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(WebFilterChainProxy.class)
	@EnableWebFluxSecurity
	static class EnableWebFluxSecurityConfiguration {

	}

}
