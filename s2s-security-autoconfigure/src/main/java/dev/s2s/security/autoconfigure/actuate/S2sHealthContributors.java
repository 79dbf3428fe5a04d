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
package dev.s2s.security.autoconfigure.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.s2s.security.CredentialState;
import dev.s2s.security.inbound.IssuerKeysStatus;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.outbound.TargetTokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code s2s} health contributor: one component per trusted issuer (under
 * {@code issuers}) and per outbound target (under {@code targets}). Each reports the last
 * observed state and makes no network call: UP while keys or tokens are usable, also
 * during an identity-provider outage while the cached ones last (then with
 * {@code degraded: true}), DOWN only when callers are being refused for lack of keys or
 * tokens, UNKNOWN before the first token.
 *
 * @author s2s-security team
 */
final class S2sHealthContributors {

	private S2sHealthContributors() {
	}

	static CompositeHealthContributor of(@Nullable S2sJwtDecoder decoder, @Nullable ServiceTokens tokens, Clock clock) {
		Map<String, HealthContributor> parts = new LinkedHashMap<>();
		if (decoder != null && !decoder.issuerStatuses().isEmpty()) {
			Map<String, HealthContributor> issuers = new LinkedHashMap<>();
			for (IssuerKeysStatus status : decoder.issuerStatuses()) {
				issuers.put(name(status.getIssuerUri()), (HealthIndicator) () -> issuer(status));
			}
			parts.put("issuers", CompositeHealthContributor.fromMap(issuers));
		}
		if (tokens != null && !tokens.getTargetStatuses().isEmpty()) {
			Map<String, HealthContributor> targets = new LinkedHashMap<>();
			for (TargetTokenStatus status : tokens.getTargetStatuses()) {
				targets.put(name(status.getTarget()), (HealthIndicator) () -> target(status, clock.instant()));
			}
			parts.put("targets", CompositeHealthContributor.fromMap(targets));
		}
		return CompositeHealthContributor.fromMap(parts);
	}

	static Health issuer(IssuerKeysStatus status) {
		CredentialState state = status.getState();
		Health.Builder health = switch (state) {
			case NOT_FETCHED -> Health.unknown()
				.withDetail("reason", "no token has arrived yet; keys are fetched " + "with the first one");
			case UP -> Health.up();
			case DEGRADED -> Health.up()
				.withDetail("degraded", true)
				.withDetail("reason", "the identity provider cannot be reached (" + status.getLastFailureKind()
						+ "); the keys fetched before still verify tokens");
			case DOWN -> Health.down()
				.withDetail("reason", "tokens of this issuer are refused: its keys are unavailable ("
						+ status.getLastFailureKind() + ")");
		};
		health.withDetail("issuer", status.getIssuerUri()).withDetail("keyIds", status.getKeyIds());
		putIfPresent(health, "lastKeyFetch", status.getLastFetch());
		putIfPresent(health, "lastFailure", status.getLastFailure());
		return health.build();
	}

	static Health target(TargetTokenStatus status, Instant now) {
		CredentialState state = status.getState(now);
		Health.Builder health = switch (state) {
			case NOT_FETCHED ->
				Health.unknown().withDetail("reason", "no call to this target yet; tokens are fetched on first use");
			case UP -> Health.up();
			case DEGRADED -> Health.up()
				.withDetail("degraded", true)
				.withDetail("reason", "token requests fail (" + status.getLastFailureMessage()
						+ "); the token fetched before is sent until " + status.getTokenUsableUntil());
			case DOWN -> Health.down()
				.withDetail("reason",
						"calls to this target fail: no valid token (" + status.getLastFailureMessage() + ")");
		};
		health.withDetail("target", status.getTarget());
		putIfPresent(health, "lastTokenFetch", status.getLastFetch());
		putIfPresent(health, "tokenUsableUntil", status.getTokenUsableUntil());
		putIfPresent(health, "lastFailure", status.getLastFailure());
		return health.build();
	}

	private static void putIfPresent(Health.Builder health, String key, @Nullable Instant value) {
		if (value != null) {
			health.withDetail(key, value.toString());
		}
	}

	/**
	 * A contributor name from an issuer URI or target name: letters, digits, '.', '_' and
	 * '-' kept, anything else replaced by '-'.
	 */
	static String name(String value) {
		String withoutScheme = value.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
		String name = withoutScheme.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("-+$", "");
		return name.isEmpty() ? "-" : name;
	}

}
