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

import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.PolicyExport;
import dev.s2s.security.authorization.ServicePathRules;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * WebFlux: the startup policy log (the decisions are made in the s2s filter chains, see
 * {@code S2sServerHttpConfigurer}).
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ RequestMappingHandlerMapping.class, Mono.class })
class ReactiveAuthorizationConfiguration {

	@Bean
	SmartInitializingSingleton s2sEndpointPolicyReport(ObjectProvider<RequestMappingHandlerMapping> mappings,
			CallerPolicies policies, ServicePathRules rules) {
		return () -> mappings.orderedStream()
			.forEach((mapping) -> PolicyReport.log(
					mapping.getHandlerMethods()
						.entrySet()
						.stream()
						.map((entry) -> new PolicyReport.Endpoint(
								entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList(),
								entry.getKey()
									.getPatternsCondition()
									.getPatterns()
									.stream()
									.map(PathPattern::getPatternString)
									.collect(Collectors.toCollection(TreeSet::new)),
								entry.getValue())),
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
							entry.getKey()
								.getPatternsCondition()
								.getPatterns()
								.stream()
								.map(PathPattern::getPatternString)
								.toList(),
							entry.getValue()))
					.toList());
	}

}
