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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a token says, before a {@link TokenShape} turns it into the claims of one identity
 * provider.
 *
 * @param kind service, user or delegated
 * @param issuer the {@code iss} value
 * @param name the client id of a service token, the user name of a user or delegated
 * token
 * @param client the client the token was issued to: the service itself, the user's
 * application, or the acting service of a delegated token
 * @param audiences never empty
 * @param scopes granted scopes, possibly empty
 * @param roles granted roles, possibly empty
 * @param issuedAt the {@code iat} value
 * @param notBefore the {@code nbf} value when one was asked for explicitly
 * @param expiresAt the {@code exp} value, {@code null} for a token without one
 * @param priorActor the {@code act} claim of the token a delegated token was exchanged
 * for, nested below the new actor
 * @param id a fresh unique value for {@code jti}
 * @author s2s-security team
 */
record TokenDraft(Kind kind, String issuer, String name, String client, List<String> audiences, List<String> scopes,
		List<String> roles, Instant issuedAt, @Nullable Instant notBefore, @Nullable Instant expiresAt,
		@Nullable Map<String, Object> priorActor, String id) {

	enum Kind {

		SERVICE, USER, DELEGATED

	}

}
