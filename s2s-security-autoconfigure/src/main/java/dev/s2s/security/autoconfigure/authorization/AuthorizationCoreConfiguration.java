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

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.s2s.security.authorization.CallerDecisionRecorder;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.CorrelationIds;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.inbound.LogRateLimiter;
import dev.s2s.security.web.RefusalRecorder;

import org.springframework.aop.Pointcut;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.security.authorization.method.AuthorizationManagerAfterMethodInterceptor;
import org.springframework.security.authorization.method.AuthorizationManagerAfterReactiveMethodInterceptor;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;

/**
 * The stack-independent parts: who may call each handler, the path rules, the decision
 * recorder and the correlation ids.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationCoreConfiguration {

	private static final String PREFIX = "s2s.security.authorization.";

	/**
	 * The interceptors {@code @EnableMethodSecurity} and
	 * {@code @EnableReactiveMethodSecurity} register for the annotations that decide
	 * access (not {@code @PreFilter}/{@code @PostFilter}); Spring Security wraps them, so
	 * their bean names are what tells them apart.
	 */
	private static final Set<String> METHOD_SECURITY_INTERCEPTORS = Set.of("preAuthorizeAuthorizationMethodInterceptor",
			"postAuthorizeAuthorizationMethodInterceptor", "securedAuthorizationMethodInterceptor",
			"jsr250AuthorizationMethodInterceptor");

	@Bean
	@ConditionalOnMissingBean
	CallerPolicies s2sCallerPolicies(S2sAuthorizationProperties properties, ListableBeanFactory beans) {
		return new CallerPolicies(properties.getUnannotated(), methodSecurityPointcuts(beans));
	}

	@Bean
	@ConditionalOnMissingBean
	CallerDecisionRecorder s2sCallerDecisionRecorder(ApplicationEventPublisher events,
			S2sAuthorizationProperties properties, ObjectProvider<AuthorizationMetrics> metrics) {
		AuthorizationMetrics counters = metrics.getIfAvailable();
		return new CallerDecisionRecorder(events, properties.isPublishGrantedEvents(),
				(counters != null) ? counters : (decision) -> {
				}, properties.getLog().isAllowed(), logRateLimiter(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	RefusalRecorder s2sRefusalRecorder(ApplicationEventPublisher events, S2sAuthorizationProperties properties,
			ObjectProvider<RefusalMetrics> metrics) {
		RefusalMetrics counters = metrics.getIfAvailable();
		return new RefusalRecorder(events, (counters != null) ? counters : (refusal) -> {
		}, logRateLimiter(properties));
	}

	private static LogRateLimiter logRateLimiter(S2sAuthorizationProperties properties) {
		int perMinute = properties.getLog().getRefusalsPerMinute();
		if (perMinute < 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "log.refusals-per-minute", perMinute,
					"Must be 0 (log no refusal) or more.");
		}
		return new LogRateLimiter(perMinute);
	}

	@Bean
	@ConditionalOnMissingBean
	CorrelationIds s2sCorrelationIds(ApplicationContext context) {
		return new CorrelationIds(TraceIds.of(context));
	}

	@Bean
	@ConditionalOnMissingBean
	ServicePathRules s2sServicePathRules(S2sAuthorizationProperties properties) {
		ServicePathRules.Builder builder = ServicePathRules.builder();
		List<String> publicPaths = properties.getPublicPaths();
		for (int i = 0; i < publicPaths.size(); i++) {
			String pattern = publicPaths.get(i);
			String key = PREFIX + "public-paths[" + i + "]";
			apply(key, pattern, () -> builder.publicPath(pattern));
		}
		List<S2sAuthorizationProperties.ServicePath> servicePaths = properties.getServicePaths();
		for (int i = 0; i < servicePaths.size(); i++) {
			S2sAuthorizationProperties.ServicePath path = servicePaths.get(i);
			String key = PREFIX + "service-paths[" + i + "]";
			String pattern = path.getPattern();
			if (pattern == null) {
				throw new InvalidConfigurationPropertyValueException(key + ".pattern", null,
						"A service path needs a pattern, e.g. '/api/internal/**'.");
			}
			apply(key, pattern, () -> builder.servicePath(pattern, path.getServices(), path.getScopes()));
		}
		return builder.build();
	}

	private static List<Pointcut> methodSecurityPointcuts(ListableBeanFactory beans) {
		Map<String, AuthorizationAdvisor> advisors = beans.getBeansOfType(AuthorizationAdvisor.class, false, true);
		return advisors.entrySet()
			.stream()
			.filter((advisor) -> METHOD_SECURITY_INTERCEPTORS.contains(advisor.getKey())
					|| decidesAccess(advisor.getValue()))
			.map((advisor) -> advisor.getValue().getPointcut())
			.toList();
	}

	private static boolean decidesAccess(AuthorizationAdvisor advisor) {
		return advisor instanceof AuthorizationManagerBeforeMethodInterceptor
				|| advisor instanceof AuthorizationManagerAfterMethodInterceptor
				|| advisor instanceof AuthorizationManagerBeforeReactiveMethodInterceptor
				|| advisor instanceof AuthorizationManagerAfterReactiveMethodInterceptor;
	}

	private static void apply(String key, String value, Runnable step) {
		try {
			step.run();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(key, value, ex.getMessage());
		}
	}

}
