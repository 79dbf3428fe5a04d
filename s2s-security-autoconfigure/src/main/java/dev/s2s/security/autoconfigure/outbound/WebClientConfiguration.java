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

import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokenExchangeFilterFunction;
import dev.s2s.security.outbound.ServiceTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Attaches tokens to the {@code WebClient.Builder} that Boot configures and to reactive
 * {@code @HttpExchange} service groups. {@link TargetRedirects} is applied where every
 * connector is made, Boot's {@link ClientHttpConnectorBuilder}, so a connector the
 * application builds through it ({@code WebClientSsl}) keeps the rule, and the builder's
 * own settings stay; a target's {@code ssl-bundle} ({@link TargetCertificates}) is
 * applied there too, to the target's URLs only. An application's own builder bean, which
 * Boot does not customize, fails startup while redirects are followed or a target has a
 * bundle.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class, ClientHttpConnectorBuilder.class })
class WebClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceTokenExchangeFilterFunction serviceTokenExchangeFilterFunction(ServiceTokens serviceTokens) {
		return new ServiceTokenExchangeFilterFunction(serviceTokens);
	}

	@Bean
	WebClientCustomizer s2sServiceTokenWebClientCustomizer(ServiceTokenExchangeFilterFunction filter) {
		return (builder) -> builder.filter(filter);
	}

	/**
	 * Last, so that customizers for a specific builder type (Boot's own for Reactor
	 * Netty's resources) run before the decorator hides that type.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ClientHttpConnectorBuilderCustomizer<ClientHttpConnectorBuilder<?>> s2sTargetRedirectsConnectorBuilderCustomizer(
			ObjectProvider<ServiceTokens> serviceTokens, ObjectProvider<TargetCertificates> certificates) {
		return (builder) -> new TargetRedirectsConnectorBuilder(builder,
				() -> new TargetRedirects(serviceTokens.getObject()),
				() -> certificates.getIfAvailable(() -> TargetCertificates.NONE));
	}

	@Bean
	SmartInitializingSingleton s2sConnectorBuilderCheck(ObjectProvider<ClientHttpConnectorBuilder<?>> builder,
			ObjectProvider<HttpClientSettings> settings, ObjectProvider<TargetCertificates> certificates) {
		return () -> builder.ifAvailable((applied) -> TargetRedirects.requireDecorated(applied,
				TargetRedirectsConnectorBuilder.class, settings.getIfAvailable(HttpClientSettings::defaults),
				certificates.getIfAvailable(() -> TargetCertificates.NONE), "ClientHttpConnectorBuilder",
				"ClientHttpConnectorBuilderCustomizer"));
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebClientHttpServiceGroupConfigurer s2sServiceTokenWebClientGroupConfigurer(ServiceTokens serviceTokens) {
		return (groups) -> {
			for (OutboundTarget target : serviceTokens.getTargets()) {
				groups.filterByName(target.name())
					.forEachClient((group, builder) -> builder.baseUrl(target.baseUrls().get(0).toString()));
			}
		};
	}

}
