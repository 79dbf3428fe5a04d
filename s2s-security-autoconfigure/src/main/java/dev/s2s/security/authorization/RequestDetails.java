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

import org.jspecify.annotations.Nullable;

/**
 * What a {@link CallerDecision} records of the request, from either stack.
 *
 * @param httpMethod the request's method
 * @param route the matching route pattern, or {@code -}
 * @param correlationId the correlation id, if any
 * @author s2s-security team
 */
record RequestDetails(String httpMethod, String route, @Nullable String correlationId) {

	RequestDetails withRoute(String route) {
		return new RequestDetails(this.httpMethod, route, this.correlationId);
	}

}
