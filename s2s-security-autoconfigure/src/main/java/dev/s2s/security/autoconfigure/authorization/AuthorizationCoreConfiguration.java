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

import dev.s2s.security.authorization.CallerAuthorizer;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stack-independent parts: the annotation reader, the path rules and the authorizer.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationCoreConfiguration {

	private static final String PREFIX = "s2s.security.inbound.";

	@Bean
	@ConditionalOnMissingBean
	CallerPolicies s2sCallerPolicies() {
		return new CallerPolicies();
	}

	@Bean
	@ConditionalOnMissingBean
	CallerAuthorizer s2sCallerAuthorizer(ApplicationEventPublisher publisher) {
		return new CallerAuthorizer(publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	ServicePathRules s2sServicePathRules(S2sInboundProperties properties) {
		ServicePathRules.Builder builder = ServicePathRules.builder();
		List<String> publicPaths = properties.getPublicPaths();
		for (int i = 0; i < publicPaths.size(); i++) {
			String pattern = publicPaths.get(i);
			String key = PREFIX + "public-paths[" + i + "]";
			apply(key, pattern, () -> builder.publicPath(pattern));
		}
		List<S2sInboundProperties.ServicePath> servicePaths = properties.getServicePaths();
		for (int i = 0; i < servicePaths.size(); i++) {
			S2sInboundProperties.ServicePath path = servicePaths.get(i);
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

	private static void apply(String key, String value, Runnable step) {
		try {
			step.run();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(key, value, ex.getMessage());
		}
	}

}
