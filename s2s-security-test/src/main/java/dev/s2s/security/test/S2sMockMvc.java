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

package dev.s2s.security.test;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * MockMvc support: a request carrying a real token from the test's
 * {@link FakeTokenIssuer}, so the application's decoder, validators and caller
 * classification all run, unlike with Spring Security's {@code jwt()}.
 *
 * <pre class="code">
 * mockMvc.perform(get("/stock/1").with(S2sMockMvc.caller(service("order-service").scopes("inventory.read"))))
 *     .andExpect(status().isOk());
 * mockMvc.perform(get("/stock/1").with(S2sMockMvc.caller(service("order-service").token((token) -&gt; token.bad().expired()))))
 *     .andExpect(status().isUnauthorized());
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 * @see dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer
 */
public final class S2sMockMvc {

	private S2sMockMvc() {
	}

	/**
	 * Adds {@code Authorization: Bearer <token>} with a token for the caller, minted when
	 * the request is built.
	 * @param caller the caller
	 * @return the post-processor
	 */
	public static RequestPostProcessor caller(TestCaller caller) {
		Args.notNull(caller, "caller");
		return (request) -> {
			WebApplicationContext context = WebApplicationContextUtils
				.getWebApplicationContext(request.getServletContext());
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issuer(context).token(caller));
			return request;
		};
	}

	private static ApplicationIssuer issuer(@Nullable WebApplicationContext context) {
		return (context != null) ? ApplicationIssuer.of(context) : ApplicationIssuer.current();
	}

}
