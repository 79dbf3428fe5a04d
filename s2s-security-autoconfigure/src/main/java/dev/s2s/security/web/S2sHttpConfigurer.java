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

import dev.s2s.security.authorization.CallerAuthorizer;
import dev.s2s.security.authorization.S2sAccessDeniedHandler;
import dev.s2s.security.authorization.ServicePathAuthorizationFilter;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.caller.CallerClassifier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Applies s2s-security to a servlet {@link HttpSecurity} you build yourself: bearer
 * tokens validated by the s2s decoder, callers classified as services, users or delegated
 * calls, no sessions and no CSRF (bearer tokens are not sent automatically by browsers).
 * The service-only paths of {@code s2s.security.inbound.service-paths} are enforced after
 * your rules, and denied callers get RFC 6750 answers ({@link S2sAccessDeniedHandler}).
 * Your own {@code authorizeHttpRequests} rules stay yours (permit the public paths there
 * yourself):
 *
 * <pre>
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 * 	http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
 * 		.authorizeHttpRequests((requests) -&gt; requests.anyRequest().authenticated());
 * 	return http.build();
 * }
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sHttpConfigurer extends AbstractHttpConfigurer<S2sHttpConfigurer, HttpSecurity> {

	private S2sHttpConfigurer() {
	}

	/**
	 * The configurer, to pass to {@link HttpSecurity#with}.
	 * @return a new configurer
	 */
	public static S2sHttpConfigurer s2s() {
		return new S2sHttpConfigurer();
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		JwtDecoder decoder = context.getBean(JwtDecoder.class);
		CallerClassifier classifier = context.getBean(CallerClassifier.class);
		http.oauth2ResourceServer(
				(server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(classifier::convert))
					.accessDeniedHandler(new S2sAccessDeniedHandler()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		ServicePathRules rules = context.getBeanProvider(ServicePathRules.class).getIfAvailable();
		CallerAuthorizer authorizer = context.getBeanProvider(CallerAuthorizer.class).getIfAvailable();
		if (rules != null && authorizer != null) {
			http.addFilterAfter(new ServicePathAuthorizationFilter(rules, authorizer), AuthorizationFilter.class);
		}
	}

}
