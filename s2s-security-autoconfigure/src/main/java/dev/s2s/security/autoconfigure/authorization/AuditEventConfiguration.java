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

import java.util.LinkedHashMap;
import java.util.Map;

import dev.s2s.security.authorization.CallerDecision;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.event.AuthorizationEvent;

/**
 * Republishes every authorization event whose result is a {@link CallerDecision} as an
 * Actuator {@code AuditEvent} of type {@value #GRANTED} or {@value #DENIED}, which
 * Actuator stores in the application's {@code AuditEventRepository}, if it has one, with
 * the reason and the rule that Spring Boot's own {@code AUTHORIZATION_FAILURE} event
 * (which also appears) does not carry. The principal is the user when there is one (a
 * user or a delegated call), else the service; the data holds the other fields. Other
 * authorization events are Spring Boot's business and are left alone.
 *
 * @author s2s-security team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(AuditApplicationEvent.class)
class AuditEventConfiguration {

	static final String GRANTED = "S2S_AUTHORIZATION_GRANTED";

	static final String DENIED = "S2S_AUTHORIZATION_DENIED";

	@Bean
	ApplicationListener<AuthorizationEvent> s2sAuthorizationAuditEvents(ApplicationEventPublisher publisher) {
		return (event) -> {
			if (!(event.getAuthorizationResult() instanceof CallerDecision decision)) {
				return;
			}
			String principal = (decision.getUserId() != null) ? decision.getUserId()
					: (decision.getServiceId() != null) ? decision.getServiceId() : "anonymous";
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("reason", decision.getReason().code());
			putIfPresent(data, "callerType", decision.getCallerType());
			putIfPresent(data, "serviceId", decision.getServiceId());
			putIfPresent(data, "proof", (decision.getProof() != null) ? decision.getProof().tag() : null);
			putIfPresent(data, "user", decision.getUserId());
			data.put("method", decision.getHttpMethod());
			data.put("route", decision.getRoute());
			data.put("rule", decision.getRule());
			putIfPresent(data, "correlationId", decision.getCorrelationId());
			publisher.publishEvent(new AuditApplicationEvent(principal, decision.isGranted() ? GRANTED : DENIED, data));
		};
	}

	private static void putIfPresent(Map<String, Object> data, String key, @Nullable Object value) {
		if (value != null) {
			data.put(key, value);
		}
	}

}
