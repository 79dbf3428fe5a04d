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

import java.time.Clock;

import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.revocation.RevocationCheck;
import dev.s2s.security.revocation.RevocationMetrics;
import dev.s2s.security.revocation.RevocationStore;
import dev.s2s.security.revocation.TokenRevocation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The check, an {@code OAuth2TokenValidator<Jwt>} bean, which the s2s decoder runs on
 * every request, cached tokens included, like every validator bean; and the programmatic
 * API.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RevocationCheck s2sRevocationCheck(RevocationStore store, S2sInboundProperties properties,
			ObjectProvider<RevocationMetrics> metrics) {
		S2sInboundProperties.Revocation revocation = properties.getRevocation();
		return new RevocationCheck(store, revocation.getFailMode(), revocation.getRetryAfter(),
				metrics.getIfAvailable(() -> RevocationMetrics.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRevocation s2sTokenRevocation(RevocationStore store, S2sInboundProperties properties,
			ObjectProvider<RevocationMetrics> metrics) {
		return new TokenRevocation(store, properties.getMaxTokenLifetime(), properties.getClockSkew(),
				Clock.systemUTC(), metrics.getIfAvailable(() -> RevocationMetrics.NONE));
	}

}
