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
package dev.s2s.security.autoconfigure.dpop;

import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties.Dpop.Mode;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code s2s.security.inbound.dpop.mode} is {@code accepted} or
 * {@code required}.
 *
 * @author s2s-security team
 */
class DPoPEnabledCondition extends SpringBootCondition {

	static final String MODE = "s2s.security.inbound.dpop.mode";

	static final String STORE = "s2s.security.inbound.dpop.replay.store";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("DPoP");
		Mode mode = Binder.get(context.getEnvironment()).bind(MODE, Mode.class).orElse(Mode.OFF);
		if (mode == Mode.OFF) {
			return ConditionOutcome.noMatch(message.because(MODE + " is off"));
		}
		return ConditionOutcome.match(message.found(MODE).items(mode));
	}

}
