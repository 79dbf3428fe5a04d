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
package dev.s2s.security.autoconfigure.actuate;

import java.time.Clock;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.authorization.PolicyExport;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.outbound.ServiceTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code s2s} endpoint, when it is available (exposed on the web or JMX).
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
class EndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	S2sEndpoint s2sEndpoint(ObjectProvider<ServiceIdentity> identity, ObjectProvider<S2sInboundProperties> inbound,
			ObjectProvider<S2sJwtDecoder> decoder, ObjectProvider<PolicyExport> policy,
			ObjectProvider<ServiceTokens> tokens) {
		return new S2sEndpoint(identity, inbound, decoder, policy, tokens, Clock.systemUTC());
	}

}
