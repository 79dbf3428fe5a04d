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

import dev.s2s.security.authorization.CallerAuthorizationInterceptor;
import dev.s2s.security.authorization.CallerAuthorizer;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.CorrelationIdFilter;
import dev.s2s.security.authorization.ServicePathRules;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC: the caller-annotation interceptor, registered before any other, the
 * correlation id filter and the startup policy log.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
class ServletAuthorizationConfiguration {

	@Bean
	WebMvcConfigurer s2sCallerAuthorizationWebMvcConfigurer(CallerPolicies policies, CallerAuthorizer authorizer) {
		CallerAuthorizationInterceptor interceptor = new CallerAuthorizationInterceptor(policies, authorizer);
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MDC.class)
	static class CorrelationIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorrelationIdFilter s2sCorrelationIdFilter(ApplicationContext context) {
			return new CorrelationIdFilter(TraceIds.of(context));
		}

	}

}
