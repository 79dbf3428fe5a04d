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
package dev.s2s.security.autoconfigure.inbound;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.inbound.S2sJwtDecoder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The decoder and caller classifier, shared by the servlet and reactive stacks.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class InboundTokenConfiguration {

	private static final String[] BOOT_RESOURCE_SERVER_KEYS = { "spring.security.oauth2.resourceserver.jwt.issuer-uri",
			"spring.security.oauth2.resourceserver.jwt.jwk-set-uri" };

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	S2sJwtDecoder s2sJwtDecoder(S2sInboundProperties properties, ServiceIdentity identity,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
			ObjectProvider<S2sJwtDecoderBuilderCustomizer> customizers, Environment environment) {
		refuseSecondResourceServerConfiguration(environment);
		InboundPropertiesMapper mapper = new InboundPropertiesMapper(properties, identity);
		S2sJwtDecoder.Builder builder = S2sJwtDecoder.builder()
			.jwks(mapper.jwksSettings())
			.clockSkew(properties.getClockSkew())
			.maxTokenLifetime(properties.getMaxTokenLifetime())
			.cacheMaximumSize(properties.getTokenCache().getMaximumSize());
		mapper.trustedIssuers().forEach(builder::issuer);
		validators.orderedStream().forEach(builder::validator);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	CallerClassifier callerClassifier(S2sInboundProperties properties, ServiceIdentity identity) {
		return new CallerClassifier(new InboundPropertiesMapper(properties, identity).claimMapping(),
				identity.serviceId());
	}

	/**
	 * Boot's resource server would validate with its own, weaker, defaults; one set of
	 * rules must win, so both being configured is a mistake to fix, not to guess about.
	 */
	private static void refuseSecondResourceServerConfiguration(Environment environment) {
		for (String key : BOOT_RESOURCE_SERVER_KEYS) {
			String value = environment.getProperty(key);
			if (value != null) {
				throw new InvalidConfigurationPropertyValueException(key, value,
						"s2s-security validates tokens itself: move this issuer to "
								+ "'s2s.security.inbound.issuers[].issuer-uri' (or 'jwk-set-uri') and remove '" + key
								+ "'.");
			}
		}
	}

}
