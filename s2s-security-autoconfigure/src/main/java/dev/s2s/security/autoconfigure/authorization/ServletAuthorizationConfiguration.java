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

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.authorization.CallerAuthorizationInterceptor;
import dev.s2s.security.authorization.CallerDecisionRecorder;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.PolicyExport;
import dev.s2s.security.authorization.ServicePathAuthorizationManager;
import dev.s2s.security.authorization.ServicePathRules;
import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC: the service-only paths' authorization manager (for the s2s filter chains),
 * the caller interceptor, registered before any other, and the startup policy log.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, PathPatternRequestMatcher.class })
class ServletAuthorizationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServicePathAuthorizationManager s2sServicePathAuthorizationManager(ServicePathRules rules,
			ObjectProvider<PathPatternRequestMatcher.Builder> paths) {
		return new ServicePathAuthorizationManager(rules,
				paths.getIfAvailable(PathPatternRequestMatcher::withDefaults));
	}

	@Bean
	WebMvcConfigurer s2sCallerAuthorizationWebMvcConfigurer(CallerPolicies policies,
			ServicePathAuthorizationManager servicePaths, CallerDecisionRecorder recorder, ApplicationContext context) {
		ObjectProvider<ObjectPostProcessor<AuthorizationManager<HttpServletRequest>>> observation = context
			.getBeanProvider(ResolvableType.forClassWithGenerics(ObjectPostProcessor.class,
					ResolvableType.forClassWithGenerics(AuthorizationManager.class, HttpServletRequest.class)));
		CallerAuthorizationInterceptor interceptor = new CallerAuthorizationInterceptor(policies, servicePaths,
				recorder, observation.getIfUnique(ObjectPostProcessor::identity));
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
			}

		};
	}

	@Bean
	SmartInitializingSingleton s2sEndpointPolicyReport(ObjectProvider<RequestMappingHandlerMapping> mappings,
			CallerPolicies policies, ServicePathRules rules) {
		return () -> mappings.orderedStream()
			.forEach((mapping) -> PolicyReport.log(mapping.getHandlerMethods()
				.entrySet()
				.stream()
				.map((entry) -> new PolicyReport.Endpoint(
						entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList(),
						entry.getKey().getPatternValues(), entry.getValue())),
					policies, rules));
	}

	@Bean
	@ConditionalOnMissingBean
	PolicyExport s2sPolicyExport(ServiceIdentity identity, ObjectProvider<RequestMappingHandlerMapping> mappings,
			CallerPolicies policies, ServicePathRules rules) {
		return new PolicyExport(identity.serviceId(), policies, rules,
				() -> mappings.orderedStream()
					.flatMap((mapping) -> mapping.getHandlerMethods().entrySet().stream())
					.map((entry) -> new PolicyExport.HandlerEndpoint(
							entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList(),
							entry.getKey().getPatternValues(), entry.getValue()))
					.toList());
	}

}
