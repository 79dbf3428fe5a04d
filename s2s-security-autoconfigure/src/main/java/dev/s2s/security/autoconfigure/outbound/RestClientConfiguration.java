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
import org.springframework.web.client.RestTemplate;
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
	ServiceTokenRestClientCustomizer s2sServiceTokenRestClientCustomizer(ServiceTokenInterceptor interceptor,
			ServiceTokens serviceTokens, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		return new ServiceTokenRestClientCustomizer(interceptor,
				requestFactory(serviceTokens, factoryBuilder, settings));
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

	/**
	 * One customizer for both builders, so {@code RestClient} and {@code RestTemplate}
	 * cannot drift apart.
	 */
	static final class ServiceTokenRestClientCustomizer implements RestClientCustomizer, RestTemplateCustomizer {

		private final ServiceTokenInterceptor interceptor;

		private final @Nullable ClientHttpRequestFactory requestFactory;

		ServiceTokenRestClientCustomizer(ServiceTokenInterceptor interceptor,
				@Nullable ClientHttpRequestFactory requestFactory) {
			this.interceptor = interceptor;
			this.requestFactory = requestFactory;
		}

		@Override
		public void customize(RestClient.Builder builder) {
			builder.requestInterceptor(this.interceptor);
			if (this.requestFactory != null) {
				builder.requestFactory(this.requestFactory);
			}
		}

		@Override
		public void customize(RestTemplate restTemplate) {
			if (this.requestFactory != null) {
				restTemplate.setRequestFactory(this.requestFactory);
			}
			restTemplate.getInterceptors().add(this.interceptor);
		}

	}

}
