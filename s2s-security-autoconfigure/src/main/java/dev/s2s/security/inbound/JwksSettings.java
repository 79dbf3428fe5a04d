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

package dev.s2s.security.inbound;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How signing keys are fetched and kept.
 *
 * @param cacheTimeToLive how long fetched keys are used before they are fetched again
 * (they are refreshed ahead of that, in the background, while tokens arrive)
 * @param minRefreshInterval once a fetch did not bring a token's key id, how long no
 * other token makes the keys be fetched again, so a flood of made-up {@code kid}s costs
 * one fetch per interval; a key id first seen after a quiet time is looked up at once
 * (fetches of any cause are at least 5 seconds, or this interval if shorter, apart)
 * @param outageTolerance how long the last known keys keep being used while the identity
 * provider cannot be reached
 * @param connectTimeout connect timeout of a fetch
 * @param readTimeout read timeout of a fetch
 * @param maxResponseSizeBytes largest accepted discovery or JWK Set document
 * @author s2s-security team
 * @since 0.1.0
 */
public record JwksSettings(Duration cacheTimeToLive, Duration minRefreshInterval, Duration outageTolerance,
		Duration connectTimeout, Duration readTimeout, int maxResponseSizeBytes) {

	/**
	 * Check the settings.
	 * @param cacheTimeToLive how long fetched keys are used, longer than
	 * {@code minRefreshInterval}
	 * @param minRefreshInterval how long no token makes the keys be fetched again once a
	 * fetch did not bring a token's key id
	 * @param outageTolerance how long the last known keys stay in use while the provider
	 * is unreachable
	 * @param connectTimeout connect timeout of discovery and key fetches
	 * @param readTimeout read timeout of discovery and key fetches
	 * @param maxResponseSizeBytes largest accepted discovery or JWK Set document
	 */
	public JwksSettings {
		Assert.isTrue(cacheTimeToLive.compareTo(minRefreshInterval) > 0,
				"cacheTimeToLive must be longer than minRefreshInterval");
		Assert.isTrue(!minRefreshInterval.isNegative() && !minRefreshInterval.isZero(),
				"minRefreshInterval must be positive");
		Assert.isTrue(maxResponseSizeBytes > 0, "maxResponseSizeBytes must be positive");
	}

	/**
	 * The defaults: keys live 5 minutes, at most one refetch per 30 seconds for key ids
	 * they do not have, last keys kept for an hour of outage, 2 second timeouts, 64 KiB
	 * documents.
	 * @return the defaults
	 */
	public static JwksSettings defaults() {
		return new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
	}

}
