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
package dev.s2s.security.autoconfigure.authorization;

import java.util.Locale;

import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.web.Refusal;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationObservationContext;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Adds s2s-security's keys to Spring Security's own observations (no observation of its
 * own, so no duplicate span): on {@code spring.security.authentications} of bearer
 * tokens, and on {@code spring.security.authorizations} that an s2s decision answered.
 * All keys are low-cardinality: {@code s2s.outcome}, {@code s2s.reason},
 * {@code s2s.caller.type} and {@code s2s.caller.id}, which names only the service ids the
 * configuration or annotations know ({@code other} otherwise).
 *
 * @author s2s-security team
 */
final class S2sObservationFilter implements ObservationFilter {

	static final String OUTCOME = "s2s.outcome";

	static final String REASON = "s2s.reason";

	static final String CALLER_TYPE = "s2s.caller.type";

	static final String CALLER_ID = "s2s.caller.id";

	private final CallerPolicies policies;

	private final ServicePathRules rules;

	S2sObservationFilter(CallerPolicies policies, ServicePathRules rules) {
		this.policies = policies;
		this.rules = rules;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof AuthorizationObservationContext<?> authorization) {
			AuthorizationResult result = authorization.getAuthorizationResult();
			if (result instanceof CallerDecision decision) {
				context.addLowCardinalityKeyValue(KeyValue.of(OUTCOME, decision.isGranted() ? "allowed" : "denied"));
				context.addLowCardinalityKeyValue(KeyValue.of(REASON, decision.getReason().code()));
				context.addLowCardinalityKeyValue(KeyValue.of(CALLER_TYPE, type(decision.getCallerType())));
				context.addLowCardinalityKeyValue(KeyValue.of(CALLER_ID, known(decision.getServiceId())));
			}
		}
		else if (context instanceof AuthenticationObservationContext authentication
				&& authentication.getAuthenticationRequest() instanceof BearerTokenAuthenticationToken) {
			Authentication caller = authentication.getAuthenticationResult();
			if (caller instanceof CallerAuthentication known) {
				context.addLowCardinalityKeyValue(KeyValue.of(OUTCOME, "authenticated"));
				context.addLowCardinalityKeyValue(KeyValue.of(REASON, "none"));
				context.addLowCardinalityKeyValue(KeyValue.of(CALLER_TYPE, type(known.getCallerType())));
				context.addLowCardinalityKeyValue(KeyValue.of(CALLER_ID, known(serviceId(known))));
			}
			else if (context.getError() instanceof AuthenticationException failure) {
				context.addLowCardinalityKeyValue(KeyValue.of(OUTCOME, "rejected"));
				context.addLowCardinalityKeyValue(KeyValue.of(REASON, Refusal.reasonOf(failure)));
				context.addLowCardinalityKeyValue(KeyValue.of(CALLER_TYPE, "none"));
				context.addLowCardinalityKeyValue(KeyValue.of(CALLER_ID, "none"));
			}
		}
		return context;
	}

	private String known(@Nullable String serviceId) {
		if (serviceId == null) {
			return "none";
		}
		return (this.policies.serviceIds().contains(serviceId) || this.rules.serviceIds().contains(serviceId))
				? serviceId : "other";
	}

	private static @Nullable String serviceId(CallerAuthentication caller) {
		if (caller instanceof ServiceAuthentication service) {
			return service.getServiceId();
		}
		return (caller instanceof DelegatedAuthentication delegated) ? delegated.getServiceId() : null;
	}

	private static String type(@Nullable CallerType type) {
		return (type != null) ? type.name().toLowerCase(Locale.ROOT) : "none";
	}

}
