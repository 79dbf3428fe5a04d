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
package dev.s2s.security.authorization;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides who may call, for the WebFlux requests of an s2s filter chain, in one
 * {@link org.springframework.security.web.server.authorization.AuthorizationWebFilter}
 * after the chain's own authorization: the service-only paths of
 * {@link ServicePathRules}, then the handler's caller annotations (or caller-typed
 * parameter), then the default for handlers that name no caller
 * ({@link UnannotatedHandlers}). The handler is looked up in the application's
 * annotated-controller and functional-endpoint mappings, as the dispatcher will look it
 * up; requests no handler maps go on to get their 404 or 405.
 *
 * <p>
 * Every decision is recorded by the {@link CallerDecisionRecorder} (WebFlux publishes no
 * authorization events by itself), and a denial is an
 * {@link AuthorizationDeniedException} carrying the {@link CallerDecision}, which the
 * chain's exception translation answers with 401 or 403.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ServerCallerAuthorizationManager implements ReactiveAuthorizationManager<ServerWebExchange> {

	private static final AuthorizationResult NOT_GOVERNED = new AuthorizationDecision(true);

	private final ServicePathRules rules;

	private final CallerPolicies policies;

	private final List<HandlerMapping> handlerMappings;

	private final CallerDecisionRecorder recorder;

	/**
	 * Create a manager.
	 * @param rules the path rules
	 * @param policies who may call each handler
	 * @param handlerMappings the application's handler mappings, in the dispatcher's
	 * order
	 * @param recorder records each decision
	 */
	public ServerCallerAuthorizationManager(ServicePathRules rules, CallerPolicies policies,
			List<HandlerMapping> handlerMappings, CallerDecisionRecorder recorder) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(policies, "policies cannot be null");
		Assert.notNull(handlerMappings, "handlerMappings cannot be null");
		Assert.notNull(recorder, "recorder cannot be null");
		this.rules = rules;
		this.policies = policies;
		this.handlerMappings = List.copyOf(handlerMappings);
		this.recorder = recorder;
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, ServerWebExchange exchange) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		List<ServicePathRules.ServicePath> servicePaths = this.rules.servicePaths(path);
		boolean pathRuleApplies = !servicePaths.isEmpty() || this.rules.isPublic(path);
		return authentication.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap((caller) -> {
			CallerDecision pathDecision = ServicePathRules.decide(servicePaths, caller.orElse(null), details(exchange));
			if (pathDecision != null && !record(pathDecision, caller, exchange)) {
				return Mono.just(pathDecision);
			}
			return handler(exchange).mapNotNull((handler) -> policy(handler, pathRuleApplies)).map((policy) -> {
				CallerDecision decision = policy.decide(caller.orElse(null), details(exchange));
				record(decision, caller, exchange);
				return (AuthorizationResult) decision;
			}).defaultIfEmpty(NOT_GOVERNED);
		});
	}

	@Override
	public Mono<Void> verify(Mono<Authentication> authentication, ServerWebExchange exchange) {
		// Spring's default would drop the decision, and with it the insufficient_scope
		// challenge.
		return authorize(authentication, exchange).flatMap((result) -> result.isGranted() ? Mono.empty()
				: Mono.error(new AuthorizationDeniedException("Access Denied", result)));
	}

	private Mono<Object> handler(ServerWebExchange exchange) {
		return Flux.fromIterable(this.handlerMappings)
			.concatMap((mapping) -> mapping.getHandler(exchange).onErrorResume((ex) -> Mono.empty()))
			.next();
	}

	private @Nullable CallerPolicy policy(Object handler, boolean pathRuleApplies) {
		if (handler instanceof HandlerMethod method) {
			return this.policies.policy(method, pathRuleApplies);
		}
		return (handler instanceof HandlerFunction<?>) ? this.policies.functionalPolicy(pathRuleApplies) : null;
	}

	private boolean record(CallerDecision decision, Optional<Authentication> caller, ServerWebExchange exchange) {
		this.recorder.record(() -> caller.orElse(null), exchange, decision);
		return decision.isGranted();
	}

	private static RequestDetails details(ServerWebExchange exchange) {
		Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return new RequestDetails(exchange.getRequest().getMethod().name(), (route != null) ? route.toString() : "-",
				exchange.getAttribute(CorrelationId.ATTRIBUTE));
	}

}
