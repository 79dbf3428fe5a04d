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

package dev.s2s.security.autoconfigure.outbound;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when outbound tokens are configured: a token endpoint, an issuer or a target.
 *
 * @author s2s-security team
 */
class OutboundConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("S2s outbound tokens");
		Binder binder = Binder.get(context.getEnvironment());
		Map<String, Object> targets = binder
			.bind("s2s.security.outbound.targets", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		if (!targets.isEmpty()) {
			return ConditionOutcome.match(message.found("targets").items(targets.keySet()));
		}
		for (String key : new String[] { "token-uri", "issuer-uri" }) {
			if (binder.bind("s2s.security.outbound." + key, String.class).isBound()) {
				return ConditionOutcome.match(message.found(key + " property").atAll());
			}
		}
		return ConditionOutcome.noMatch(message.didNotFind("targets, token-uri or issuer-uri").atAll());
	}

}
