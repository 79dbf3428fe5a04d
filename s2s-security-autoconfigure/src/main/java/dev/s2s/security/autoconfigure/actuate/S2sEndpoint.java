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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.authorization.PolicyExport;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.inbound.IssuerKeysStatus;
import dev.s2s.security.inbound.S2sJwtDecoder;
import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.outbound.TargetTokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code s2s} Actuator endpoint: what this service trusts, who may call it, and what
 * it calls, with the last observed state of keys and tokens. Read-only, and like Boot's
 * sensitive endpoints not exposed on the web unless
 * {@code management.endpoints.web.exposure.include} names it; once exposed, it sits
 * behind the s2s filter chain (see {@code docs/operations.md} for the rule it needs).
 * <p>
 * {@code /actuator/s2s} answers everything; {@code /actuator/s2s/policy} answers the
 * policy export document alone ({@link PolicyExport}), {@code /actuator/s2s/issuers} and
 * {@code /actuator/s2s/targets} their parts. It never shows a token, a secret or a claim
 * set, and reading it makes no network call.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
@Endpoint(id = "s2s", defaultAccess = Access.READ_ONLY)
public final class S2sEndpoint {

	private final ObjectProvider<ServiceIdentity> identity;

	private final ObjectProvider<S2sInboundProperties> inbound;

	private final ObjectProvider<S2sJwtDecoder> decoder;

	private final ObjectProvider<PolicyExport> policy;

	private final ObjectProvider<ServiceTokens> tokens;

	private final Clock clock;

	S2sEndpoint(ObjectProvider<ServiceIdentity> identity, ObjectProvider<S2sInboundProperties> inbound,
			ObjectProvider<S2sJwtDecoder> decoder, ObjectProvider<PolicyExport> policy,
			ObjectProvider<ServiceTokens> tokens, Clock clock) {
		this.identity = identity;
		this.inbound = inbound;
		this.decoder = decoder;
		this.policy = policy;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Everything: service id, issuers, endpoint policy and targets.
	 * @return the description
	 */
	@ReadOperation
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		ServiceIdentity service = this.identity.getIfAvailable();
		description.put("serviceId", (service != null) ? service.serviceId() : null);
		description.put("issuers", issuers());
		PolicyExport export = this.policy.getIfAvailable();
		description.put("policy", (export != null) ? export.document() : null);
		description.put("targets", targets());
		return description;
	}

	/**
	 * One part: {@code policy}, {@code issuers} or {@code targets}.
	 * @param part the part's name
	 * @return the part, or {@code null} (404) for another name or a part this service
	 * does not have
	 */
	@ReadOperation
	public @Nullable Object part(@Selector String part) {
		return switch (part) {
			case "policy" -> {
				PolicyExport export = this.policy.getIfAvailable();
				yield (export != null) ? export.document() : null;
			}
			case "issuers" -> issuers();
			case "targets" -> targets();
			default -> null;
		};
	}

	private List<Map<String, Object>> issuers() {
		S2sInboundProperties properties = this.inbound.getIfAvailable();
		S2sJwtDecoder decoder = this.decoder.getIfAvailable();
		if (properties == null) {
			return List.of();
		}
		Map<String, IssuerKeysStatus> statuses = new LinkedHashMap<>();
		if (decoder != null) {
			decoder.issuerStatuses().forEach((status) -> statuses.put(status.getIssuerUri(), status));
		}
		ServiceIdentity service = this.identity.getIfAvailable();
		List<Map<String, Object>> issuers = new ArrayList<>();
		for (S2sInboundProperties.Issuer issuer : properties.getIssuers()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("issuerUri", issuer.getIssuerUri());
			entry.put("provider", issuer.getProvider().toString());
			entry.put("audiences", (issuer.getAudiences().isEmpty() && service != null) ? List.of(service.serviceId())
					: issuer.getAudiences());
			entry.put("algorithms", issuer.getAlgorithms());
			IssuerKeysStatus status = statuses.get(issuer.getIssuerUri());
			if (status != null) {
				entry.put("state", status.getState().name().toLowerCase(Locale.ROOT).replace('_', '-'));
				entry.put("keyIds", status.getKeyIds());
				entry.put("lastKeyFetch", time(status.getLastFetch()));
				entry.put("lastFailure", failure(status.getLastFailure(), status.getLastFailureKind()));
				entry.put("lastRefusalForLackOfKeys", time(status.getLastRefusal()));
			}
			issuers.add(entry);
		}
		return issuers;
	}

	private List<Map<String, Object>> targets() {
		ServiceTokens tokens = this.tokens.getIfAvailable();
		if (tokens == null) {
			return List.of();
		}
		Map<String, TargetTokenStatus> statuses = new LinkedHashMap<>();
		tokens.getTargetStatuses().forEach((status) -> statuses.put(status.getTarget(), status));
		Instant now = this.clock.instant();
		List<Map<String, Object>> targets = new ArrayList<>();
		for (OutboundTarget target : tokens.getTargets()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", target.name());
			entry.put("baseUrls", target.baseUrls().stream().map(Object::toString).toList());
			entry.put("audience", target.audience());
			entry.put("scopes", target.scopes());
			entry.put("identity", target.identity().toString());
			TargetTokenStatus status = statuses.get(target.name());
			if (status != null) {
				entry.put("state", status.getState(now).name().toLowerCase(Locale.ROOT).replace('_', '-'));
				entry.put("lastTokenFetch", time(status.getLastFetch()));
				entry.put("tokenUsableUntil", time(status.getTokenUsableUntil()));
				entry.put("lastFailure", failure(status.getLastFailure(), status.getLastFailureMessage()));
				entry.put("backoff", backoff(tokens, target.name()));
			}
			targets.add(entry);
		}
		return targets;
	}

	private static @Nullable Map<String, Object> backoff(ServiceTokens tokens, String target) {
		Instant until = tokens.getBackoffUntil(target);
		if (until == null) {
			return null;
		}
		Map<String, Object> backoff = new LinkedHashMap<>();
		backoff.put("consecutiveFailures", tokens.getConsecutiveFailures(target));
		backoff.put("until", until.toString());
		return backoff;
	}

	private static @Nullable String time(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static @Nullable Map<String, Object> failure(@Nullable Instant at, @Nullable String what) {
		if (at == null) {
			return null;
		}
		Map<String, Object> failure = new LinkedHashMap<>();
		failure.put("at", at.toString());
		failure.put("kind", what);
		return failure;
	}

}
