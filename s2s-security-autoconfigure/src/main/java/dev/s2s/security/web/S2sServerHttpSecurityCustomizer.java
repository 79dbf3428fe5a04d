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

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import dev.s2s.security.authorization.CallerAuthorizer;
import dev.s2s.security.authorization.S2sServerAccessDeniedHandler;
import dev.s2s.security.authorization.ServicePathAuthorizationWebFilter;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.caller.CallerClassifier;
import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.Assert;

/**
 * Applies s2s-security to a reactive {@link ServerHttpSecurity} you build yourself; the
 * WebFlux twin of {@link S2sHttpConfigurer}, with the same service-only paths and denial
 * answers. Inject it and call it first:
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

	private final @Nullable ServicePathAuthorizationWebFilter servicePaths;

	private final Set<ServerHttpSecurity> customized = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	public S2sServerHttpSecurityCustomizer(ReactiveJwtDecoder decoder, CallerClassifier classifier) {
		this(decoder, classifier, null);
	}

	/**
	 * Create a customizer that also enforces service-only paths.
	 * @param decoder the token decoder
	 * @param classifier the caller classifier
	 * @param rules the path rules
	 * @param authorizer the authorizer recording each decision
	 */
	public S2sServerHttpSecurityCustomizer(ReactiveJwtDecoder decoder, CallerClassifier classifier,
			ServicePathRules rules, CallerAuthorizer authorizer) {
		this(decoder, classifier, new ServicePathAuthorizationWebFilter(rules, authorizer));
	}

	private S2sServerHttpSecurityCustomizer(ReactiveJwtDecoder decoder, CallerClassifier classifier,
			@Nullable ServicePathAuthorizationWebFilter servicePaths) {
		Assert.notNull(decoder, "decoder cannot be null");
		Assert.notNull(classifier, "classifier cannot be null");
		this.decoder = decoder;
		this.classifier = classifier;
		this.servicePaths = servicePaths;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		http.oauth2ResourceServer((server) -> server.accessDeniedHandler(new S2sServerAccessDeniedHandler())
			.jwt((jwt) -> jwt.jwtDecoder(this.decoder)
				.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(this.classifier::convert))))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf((csrf) -> csrf.disable());
		// Spring Security 7 also applies Customizer<ServerHttpSecurity> beans by itself:
		// add the filter once per chain, however often this runs.
		if (this.servicePaths != null && this.customized.add(http)) {
			http.addFilterAfter(this.servicePaths, SecurityWebFiltersOrder.AUTHORIZATION);
		}
	}

}
