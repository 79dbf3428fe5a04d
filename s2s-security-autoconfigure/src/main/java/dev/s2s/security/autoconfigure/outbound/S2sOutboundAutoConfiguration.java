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

package dev.s2s.security.autoconfigure.outbound;

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of outbound service tokens: a {@code ServiceTokens} bean and the
 * interceptors that attach its tokens to {@code RestClient}, {@code RestTemplate},
 * {@code WebClient} and {@code @HttpExchange} clients. Active when
 * {@code s2s.security.outbound} names a token endpoint, an issuer or a target.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@AutoConfiguration(after = S2sSecurityAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@Conditional(OutboundConfiguredCondition.class)
@EnableConfigurationProperties(S2sOutboundProperties.class)
@Import({ MetricsConfiguration.class, ServiceTokensConfiguration.class, RestClientConfiguration.class,
		WebClientConfiguration.class })
public final class S2sOutboundAutoConfiguration {

}
