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
package dev.s2s.security.autoconfigure.inbound;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnTrustedIssuers}.
 *
 * @author s2s-security team
 */
class TrustedIssuersCondition extends SpringBootCondition {

	private static final Bindable<List<S2sInboundProperties.Issuer>> ISSUERS = Bindable
		.listOf(S2sInboundProperties.Issuer.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Trusted issuers");
		int count = Binder.get(context.getEnvironment())
			.bind("s2s.security.inbound.issuers", ISSUERS)
			.map(List::size)
			.orElse(0);
		if (count == 0) {
			return ConditionOutcome.noMatch(message.didNotFind("s2s.security.inbound.issuers").atAll());
		}
		return ConditionOutcome.match(message.foundExactly(count + " issuer(s) in s2s.security.inbound.issuers"));
	}

}
