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

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the authenticated caller in the Reactor context ({@link CallerMdc}), the WebFlux
 * twin of {@link CallerMdcFilter}.
 *
 * @author s2s-security team
 */
final class CallerContextWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map((authentication) -> withCaller(Context.empty(), authentication))
			.defaultIfEmpty(Context.empty())
			.flatMap((caller) -> chain.filter(exchange).contextWrite(caller));
	}

	private static Context withCaller(Context context, Authentication authentication) {
		String type = CallerMdc.type(authentication);
		String id = CallerMdc.id(authentication);
		Context caller = (type != null) ? context.put(CallerMdc.CALLER_TYPE, type) : context;
		return (id != null) ? caller.put(CallerMdc.CALLER_ID, id) : caller;
	}

}
