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

import java.util.Set;

import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.TestCertificates;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S2sAccessDeniedHandler}: every denial of an s2s decision or of a
 * bearer caller is a 403, with RFC 6750's {@code insufficient_scope} challenge only where
 * another token could help; anything else is answered as Spring Security answers it.
 */
class S2sAccessDeniedHandlerTests {

	private static final Jwt JWT = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").build();

	private static final RequestDetails REQUEST = new RequestDetails("GET", "/stock", null);

	private final S2sAccessDeniedHandler handler = new S2sAccessDeniedHandler();

	@Test
	void anInsufficientScopeDecisionIsChallengedWithTheRequiredScopes() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest(), denial(new CallerDecision(false,
				DecisionReason.INSUFFICIENT_SCOPE, null, Set.of("stock.read"), REQUEST, "rule")));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate"))
			.isEqualTo(CallerDecision.INSUFFICIENT_SCOPE + ", scope=\"stock.read\"");
	}

	@Test
	void anotherDecisionIsAForbiddenWithoutChallenge() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest(),
				denial(new CallerDecision(false, DecisionReason.SERVICE_NOT_LISTED, null, Set.of(), REQUEST, "rule")));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate")).isNull();
	}

	@Test
	void anotherRulesDenialOfABearerCallerIsChallengedAsSpringDoes() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setUserPrincipal(new ServiceAuthentication(JWT, "orders", Set.of(), Set.of()));
		MockHttpServletResponse response = handle(request, new AccessDeniedException("Access Denied"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(CallerDecision.INSUFFICIENT_SCOPE);
	}

	@Test
	void anotherRulesDenialOfACallerWithoutATokenIsLeftToSpring() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setUserPrincipal(new ServiceAuthentication(TestCertificates.orders(), "orders"));
		MockHttpServletResponse response = handle(request, new AccessDeniedException("Access Denied"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		MockHttpServletResponse anonymous = handle(new MockHttpServletRequest(),
				new AccessDeniedException("Access Denied"));
		assertThat(anonymous.getStatus()).isEqualTo(403);
		assertThat(anonymous.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
	}

	private MockHttpServletResponse handle(MockHttpServletRequest request, AccessDeniedException denied)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(request, response, denied);
		return response;
	}

	private static AccessDeniedException denial(CallerDecision decision) {
		return new AuthorizationDeniedException("Access Denied", decision);
	}

}
