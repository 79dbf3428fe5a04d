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

import dev.s2s.security.inbound.ReactiveS2sJwtDecoder;
import dev.s2s.security.inbound.S2sJwtDecoder;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The reactive decoder: a thin adapter over the servlet stack's, sharing its cache.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ReactiveJwtDecoder.class, Mono.class })
class ReactiveInboundConfiguration {

	@Bean
	@ConditionalOnBean(S2sJwtDecoder.class)
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	ReactiveS2sJwtDecoder s2sReactiveJwtDecoder(S2sJwtDecoder decoder) {
		return new ReactiveS2sJwtDecoder(decoder);
	}

}
