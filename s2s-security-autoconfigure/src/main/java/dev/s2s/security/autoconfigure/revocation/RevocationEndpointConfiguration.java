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
package dev.s2s.security.autoconfigure.revocation;

import dev.s2s.security.revocation.RevocationEndpoint;
import dev.s2s.security.revocation.TokenRevocation;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code s2srevocation} write endpoint, when Actuator is present. Its default access
 * is {@code NONE}: it does nothing until allowed and exposed.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Endpoint.class)
class RevocationEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RevocationEndpoint s2sRevocationEndpoint(TokenRevocation revocation) {
		return new RevocationEndpoint(revocation);
	}

}
