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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Attaches tokens to the {@code RestClient.Builder} and {@code RestTemplateBuilder} that
 * Boot configures and, through Boot's customizer bridge, to {@code @HttpExchange} service
 * groups (a group named after a target gets the target's base URL).
 * {@link TargetRedirects} is applied where every factory is made, Boot's
 * {@link ClientHttpRequestFactoryBuilder}, so a factory the application builds through it
 * ({@code RestClientSsl}, {@code requestFactory(builder.build(settings))}) keeps the
 * rule, and the builder's own settings stay; a target's {@code ssl-bundle}
 * ({@link TargetCertificates}) is applied there too, to the target's URLs only. An
 * application's own builder bean, which Boot does not customize, fails startup while
 * redirects are followed or a target has a bundle.
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
	ServiceTokenRestClientCustomizer s2sServiceTokenRestClientCustomizer(ServiceTokenInterceptor interceptor) {
		return new ServiceTokenRestClientCustomizer(interceptor);
	}

	/**
	 * Last, so that customizers for a specific builder type run before the decorator
	 * hides that type.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>> s2sTargetRedirectsRequestFactoryBuilderCustomizer(
			ObjectProvider<ServiceTokens> serviceTokens, ObjectProvider<TargetCertificates> certificates) {
		return (builder) -> new TargetRedirectsRequestFactoryBuilder(builder,
				() -> new TargetRedirects(serviceTokens.getObject()),
				() -> certificates.getIfAvailable(() -> TargetCertificates.NONE));
	}

	@Bean
	SmartInitializingSingleton s2sRequestFactoryBuilderCheck(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
			ObjectProvider<HttpClientSettings> settings, ObjectProvider<TargetCertificates> certificates) {
		return () -> builder.ifAvailable((applied) -> TargetRedirects.requireDecorated(applied,
				TargetRedirectsRequestFactoryBuilder.class, settings.getIfAvailable(HttpClientSettings::defaults),
				certificates.getIfAvailable(() -> TargetCertificates.NONE), "ClientHttpRequestFactoryBuilder",
				"ClientHttpRequestFactoryBuilderCustomizer"));
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

		ServiceTokenRestClientCustomizer(ServiceTokenInterceptor interceptor) {
			this.interceptor = interceptor;
		}

		@Override
		public void customize(RestClient.Builder builder) {
			builder.requestInterceptor(this.interceptor);
		}

		@Override
		public void customize(RestTemplate restTemplate) {
			restTemplate.getInterceptors().add(this.interceptor);
		}

	}

}
