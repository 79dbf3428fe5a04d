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

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Attaches tokens to the {@code WebClient.Builder} that Boot configures, with
 * {@link TargetRedirects} applied to Boot's connector, and to reactive
 * {@code @HttpExchange} service groups.
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
	WebClientCustomizer s2sServiceTokenWebClientCustomizer(ServiceTokenExchangeFilterFunction filter,
			ServiceTokens serviceTokens, ObjectProvider<ClientHttpConnector> connector,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		ClientHttpConnector guarded = connector(serviceTokens, connector, connectorBuilder, settings);
		return (builder) -> {
			builder.filter(filter);
			if (guarded != null) {
				builder.clientConnector(guarded);
			}
		};
	}

	/**
	 * Boot's connector with {@link TargetRedirects} applied; {@code null} when Boot
	 * configures no connector (WebClient's own default follows no redirects) or the
	 * application does not follow redirects.
	 */
	private static @Nullable ClientHttpConnector connector(ServiceTokens serviceTokens,
			ObjectProvider<ClientHttpConnector> connector,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		ClientHttpConnector others = connector.getIfAvailable();
		HttpClientSettings applied = settings.getIfAvailable(HttpClientSettings::defaults);
		if (others == null || !TargetRedirects.needed(applied)) {
			return null;
		}
		ClientHttpConnector noRedirects = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect)
			.build(TargetRedirects.dontFollow(applied));
		return new TargetRedirectsConnector(others, noRedirects, new TargetRedirects(serviceTokens));
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
