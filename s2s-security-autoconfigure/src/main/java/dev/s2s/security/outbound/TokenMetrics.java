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

package dev.s2s.security.outbound;

import java.time.Duration;

/**
 * Receives what the token cache does, for metrics. Called on the request path, so
 * implementations must be cheap and must not block. Each call names the target it is for:
 * targets are configured, so a tag by target stays bounded.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public interface TokenMetrics {

	/**
	 * Metrics that record nothing.
	 */
	TokenMetrics NONE = new TokenMetrics() {
	};

	/**
	 * A caller was served a cached token.
	 * @param target the target name
	 */
	default void cacheHit(String target) {
	}

	/**
	 * A caller found no valid token and waits for (or joins) a token request.
	 * @param target the target name
	 */
	default void cacheMiss(String target) {
	}

	/**
	 * A token request completed.
	 * @param target the target whose caller started the request
	 * @param latency how long the request took
	 * @param success whether a token was issued
	 */
	default void tokenRequest(String target, Duration latency, boolean success) {
	}

}
