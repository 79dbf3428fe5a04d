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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One request a {@link FakeTokenIssuer} received. Secrets, client assertions and subject
 * tokens are never recorded.
 *
 * @param endpoint the endpoint that was called
 * @param method the HTTP method
 * @param path the request path
 * @param status the HTTP status answered, {@code 0} when the connection was dropped
 * ({@link Fault#DOWN})
 * @param grantType the {@code grant_type} of a token request
 * @param clientId the client id a token request claimed (authenticated or not)
 * @param clientAuthentication how the client authenticated: {@code client_secret_basic},
 * {@code client_secret_post}, {@code private_key_jwt}, on the mutual-TLS listener with
 * nothing else {@code tls_client_auth} or (a single self-signed certificate)
 * {@code self_signed_tls_client_auth}, or {@code none}
 * @param audiences the {@code audience} parameters of a token request
 * @param resources the RFC 8707 {@code resource} parameters of a token request
 * @param scope the {@code scope} parameter of a token request
 * @author s2s-security team
 * @since 0.1.0
 */
public record RecordedRequest(Endpoint endpoint, String method, String path, int status, @Nullable String grantType,
		@Nullable String clientId, @Nullable String clientAuthentication, List<String> audiences,
		List<String> resources, @Nullable String scope) {

}
