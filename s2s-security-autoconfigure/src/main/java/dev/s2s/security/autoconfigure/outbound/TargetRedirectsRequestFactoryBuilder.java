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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Decorates Spring Boot's {@link ClientHttpRequestFactoryBuilder}, the one that
 * {@code RestClient.Builder}, {@code RestTemplateBuilder}, {@code RestClientSsl} and
 * {@code @HttpExchange} groups all build their factories with: every factory it builds
 * applies {@link TargetRedirects}, and both of its halves are built by the application's
 * builder with the same settings (timeouts, SSL bundle, redirects for other URLs), only
 * the target half told not to follow redirects and given the target's client certificate
 * ({@link TargetCertificates}).
 *
 * @author s2s-security team
 */
final class TargetRedirectsRequestFactoryBuilder implements ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> {

	private final ClientHttpRequestFactoryBuilder<?> delegate;

	private final Supplier<TargetRedirects> redirects;

	private final Supplier<TargetCertificates> certificates;

	TargetRedirectsRequestFactoryBuilder(ClientHttpRequestFactoryBuilder<?> delegate,
			Supplier<TargetRedirects> redirects, Supplier<TargetCertificates> certificates) {
		this.delegate = delegate;
		this.redirects = redirects;
		this.certificates = certificates;
	}

	@Override
	public ClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
		HttpClientSettings applied = (settings != null) ? settings : HttpClientSettings.defaults();
		ClientHttpRequestFactory others = this.delegate.build(settings);
		TargetCertificates certificates = this.certificates.get();
		if (!TargetClients.needed(applied, certificates)) {
			return others;
		}
		return new TargetRedirectsRequestFactory(
				new TargetClients<>(others, this.delegate::build, applied, certificates), this.redirects.get());
	}

}
