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
package dev.s2s.security.autoconfigure.inbound;

import dev.s2s.security.authorization.CallerAuthorizer;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.inbound.ReactiveS2sJwtDecoder;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.web.S2sServerHttpSecurityCustomizer;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * The reactive filter chain, unless the application defines its own: public paths are
 * permitted, everything else needs a valid token. It shares the servlet stack's decoder
 * and classifier through thin adapters.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, Mono.class })
class ReactiveInboundConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	ReactiveS2sJwtDecoder s2sReactiveJwtDecoder(S2sJwtDecoder decoder) {
		return new ReactiveS2sJwtDecoder(decoder);
	}

	@Bean
	@ConditionalOnMissingBean
	S2sServerHttpSecurityCustomizer s2sServerHttpSecurityCustomizer(ReactiveJwtDecoder decoder,
			CallerClassifier classifier, ObjectProvider<ServicePathRules> rules,
			ObjectProvider<CallerAuthorizer> authorizer) {
		ServicePathRules pathRules = rules.getIfAvailable();
		CallerAuthorizer pathAuthorizer = authorizer.getIfAvailable();
		return (pathRules != null && pathAuthorizer != null)
				? new S2sServerHttpSecurityCustomizer(decoder, classifier, pathRules, pathAuthorizer)
				: new S2sServerHttpSecurityCustomizer(decoder, classifier);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain s2sSecurityWebFilterChain(ServerHttpSecurity http, S2sServerHttpSecurityCustomizer s2s,
			ObjectProvider<ServicePathRules> rules) {
		String[] publicPaths = rules.stream().flatMap((it) -> it.publicPaths().stream()).toArray(String[]::new);
		s2s.customize(http);
		return http.authorizeExchange((exchanges) -> {
			if (publicPaths.length > 0) {
				exchanges.pathMatchers(publicPaths).permitAll();
			}
			exchanges.anyExchange().authenticated();
		}).build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(WebFilterChainProxy.class)
	@EnableWebFluxSecurity
	static class EnableWebFluxSecurityConfiguration {

	}

}
