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

import org.springframework.test.web.reactive.server.WebTestClientConfigurer;

/**
 * WebTestClient support: requests carrying a real token from the test's
 * {@link FakeTokenIssuer}, so the application's decoder, validators and caller
 * classification all run, unlike with Spring Security's {@code mockJwt()}.
 *
 * <pre class="code">
 * webTestClient.mutateWith(S2sWebTestClient.caller(service("order-service").scopes("inventory.read")))
 *     .get().uri("/stock/1").exchange()
 *     .expectStatus().isOk();
 * </pre>
 *
 * <p>
 * Works with a client bound to the application context and with one bound to a server;
 * the token is minted from the running test's application context when the mutator is
 * applied.
 *
 * @author s2s-security team
 * @since 0.1.0
 * @see dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer
 */
public final class S2sWebTestClient {

	private S2sWebTestClient() {
	}

	/**
	 * Sets {@code Authorization: Bearer <token>} on every request of the mutated client,
	 * replacing any earlier one.
	 * @param caller the caller
	 * @return the mutator
	 */
	public static WebTestClientConfigurer caller(TestCaller caller) {
		Args.notNull(caller, "caller");
		return (builder, httpHandlerBuilder, connector) -> {
			String token = ApplicationIssuer.current().token(caller);
			builder.defaultHeaders((headers) -> headers.setBearerAuth(token));
		};
	}

}
