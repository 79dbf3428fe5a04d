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
import dev.s2s.security.outbound.ServiceTokenInterceptor;
import dev.s2s.security.outbound.ServiceTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Attaches tokens to the {@code RestClient.Builder} and {@code RestTemplateBuilder} that
 * Boot configures, with {@link TargetRedirects} applied, and through Boot's customizer
 * bridge to {@code @HttpExchange} service groups; a group named after a target gets the
 * target's base URL.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
class RestClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceTokenInterceptor serviceTokenInterceptor(ServiceTokens serviceTokens) {
		return new ServiceTokenInterceptor(serviceTokens);
	}

	@Bean
	RestClientCustomizer s2sServiceTokenRestClientCustomizer(ServiceTokenInterceptor interceptor,
			ServiceTokens serviceTokens, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		ClientHttpRequestFactory factory = requestFactory(serviceTokens, factoryBuilder, settings);
		return (builder) -> {
			builder.requestInterceptor(interceptor);
			if (factory != null) {
				builder.requestFactory(factory);
			}
		};
	}

	@Bean
	RestTemplateCustomizer s2sServiceTokenRestTemplateCustomizer(ServiceTokenInterceptor interceptor,
			ServiceTokens serviceTokens, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		ClientHttpRequestFactory factory = requestFactory(serviceTokens, factoryBuilder, settings);
		return (restTemplate) -> {
			if (factory != null) {
				restTemplate.setRequestFactory(factory);
			}
			restTemplate.getInterceptors().add(interceptor);
		};
	}

	/**
	 * Boot's request factory with {@link TargetRedirects} applied; {@code null} when the
	 * application does not follow redirects, so Boot's factory is used as is.
	 */
	private static @Nullable ClientHttpRequestFactory requestFactory(ServiceTokens serviceTokens,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		HttpClientSettings applied = settings.getIfAvailable(HttpClientSettings::defaults);
		if (!TargetRedirects.needed(applied)) {
			return null;
		}
		ClientHttpRequestFactoryBuilder<?> builder = factoryBuilder
			.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
		return new TargetRedirectsRequestFactory(builder.build(applied),
				builder.build(TargetRedirects.dontFollow(applied)), new TargetRedirects(serviceTokens));
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RestClientHttpServiceGroupConfigurer s2sServiceTokenRestClientGroupConfigurer(ServiceTokens serviceTokens) {
		// First, so 'spring.http.serviceclient.<group>.base-url' still wins.
		return (groups) -> {
			for (OutboundTarget target : serviceTokens.getTargets()) {
				groups.filterByName(target.name())
					.forEachClient((group, builder) -> builder.baseUrl(target.baseUrls().get(0).toString()));
			}
		};
	}

}
