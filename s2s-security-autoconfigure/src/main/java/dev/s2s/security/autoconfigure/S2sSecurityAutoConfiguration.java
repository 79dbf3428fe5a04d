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

package dev.s2s.security.autoconfigure;

import dev.s2s.security.ServiceIdentity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the identity every s2s-security feature builds on.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(S2sSecurityProperties.class)
public final class S2sSecurityAutoConfiguration {

	/**
	 * Lazy: only the features that need this service's id (inbound, outbound) ask for it,
	 * so an application that uses neither starts without one.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ServiceIdentity serviceIdentity(S2sSecurityProperties properties, Environment environment) {
		String serviceId = properties.getServiceId();
		if (!StringUtils.hasText(serviceId)) {
			serviceId = environment.getProperty("spring.application.name");
		}
		if (!StringUtils.hasText(serviceId)) {
			// Without an id there is no audience to check: refuse to start rather than
			// accept tokens meant for any service.
			throw new InvalidConfigurationPropertyValueException("s2s.security.service-id", serviceId,
					"Inbound validation (the audience tokens must carry) and outbound tokens (the client id) need this service's id. Set 's2s.security.service-id: <this-service>' "
							+ "(or 'spring.application.name').");
		}
		return new ServiceIdentity(serviceId);
	}

}
