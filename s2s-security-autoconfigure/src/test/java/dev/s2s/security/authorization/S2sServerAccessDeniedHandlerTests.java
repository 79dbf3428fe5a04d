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

import java.security.Principal;
import java.util.Set;

import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.TestCertificates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S2sServerAccessDeniedHandler}: the reactive twin of
 * {@link S2sAccessDeniedHandler}, with the same answers.
 */
class S2sServerAccessDeniedHandlerTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final RequestDetails REQUEST = new RequestDetails("GET", "/stock", null);

	private final S2sServerAccessDeniedHandler handler = new S2sServerAccessDeniedHandler();

	@Test
	void anInsufficientScopeDecisionIsChallengedWithTheRequiredScopes() {
		MockServerWebExchange exchange = exchange();
		this.handler
			.handle(exchange,
					denial(new CallerDecision(false, DecisionReason.INSUFFICIENT_SCOPE, null, Set.of("stock.read"),
							REQUEST, "rule")))
			.block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate"))
			.isEqualTo(CallerDecision.INSUFFICIENT_SCOPE + ", scope=\"stock.read\"");
	}

	@Test
	void anotherDecisionIsAForbiddenWithoutChallenge() {
		MockServerWebExchange exchange = exchange();
		this.handler
			.handle(exchange,
					denial(new CallerDecision(false, DecisionReason.NO_RULE, null, Set.of(), REQUEST, "rule")))
			.block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isNull();
	}

	@Test
	void anotherRulesDenialOfABearerCallerIsChallengedAsSpringDoes() {
		MockServerWebExchange exchange = exchange();
		this.handler
			.handle(as(exchange, new ServiceAuthentication(JWT, "orders", Set.of(), Set.of())),
					new AccessDeniedException("Access Denied"))
			.block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate"))
			.isEqualTo(CallerDecision.INSUFFICIENT_SCOPE);
	}

	@Test
	void anotherRulesDenialOfACallerWithoutATokenOrOfNoCallerIsLeftToSpring() {
		MockServerWebExchange exchange = exchange();
		this.handler
			.handle(as(exchange, new ServiceAuthentication(TestCertificates.orders(), "orders")),
					new AccessDeniedException("Access Denied"))
			.block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
		MockServerWebExchange anonymous = exchange();
		this.handler.handle(anonymous, new AccessDeniedException("Access Denied")).block();
		assertThat(anonymous.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(anonymous.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/stock"));
	}

	private static ServerWebExchange as(ServerWebExchange exchange, Principal principal) {
		return exchange.mutate().principal(Mono.just(principal)).build();
	}

	private static AccessDeniedException denial(CallerDecision decision) {
		return new AuthorizationDeniedException("Access Denied", decision);
	}

}
