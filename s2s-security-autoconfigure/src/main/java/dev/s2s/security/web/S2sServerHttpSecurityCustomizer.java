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
package dev.s2s.security.web;

import dev.s2s.security.caller.CallerClassifier;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.Assert;

/**
 * Applies s2s-security to a reactive {@link ServerHttpSecurity} you build yourself; the
 * WebFlux twin of {@link S2sHttpConfigurer}. Inject it and call it first:
 *
 * <pre>
 * &#64;Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, S2sServerHttpSecurityCustomizer s2s) {
 * 	s2s.customize(http);
 * 	return http.authorizeExchange((exchanges) -&gt; exchanges.anyExchange().authenticated()).build();
 * }
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sServerHttpSecurityCustomizer implements Customizer<ServerHttpSecurity> {

	private final ReactiveJwtDecoder decoder;

	private final CallerClassifier classifier;

	public S2sServerHttpSecurityCustomizer(ReactiveJwtDecoder decoder, CallerClassifier classifier) {
		Assert.notNull(decoder, "decoder cannot be null");
		Assert.notNull(classifier, "classifier cannot be null");
		this.decoder = decoder;
		this.classifier = classifier;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		http.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtDecoder(this.decoder)
			.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(this.classifier::convert))))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf((csrf) -> csrf.disable());
	}

}
