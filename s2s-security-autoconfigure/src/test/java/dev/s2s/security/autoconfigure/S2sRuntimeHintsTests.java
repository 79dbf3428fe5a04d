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
package dev.s2s.security.autoconfigure;

import java.util.List;

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import dev.s2s.security.autoconfigure.actuate.S2sEndpoint;
import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationProperties;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundProperties;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints s2s-security registers for native images, found as AOT finds them: through
 * {@code META-INF/spring/aot.factories}.
 *
 * @author s2s-security team
 */
class S2sRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	@Test
	void callerAnnotationAttributesCanBeRead() {
		for (Class<?> annotation : List.of(ServiceCaller.class, UserCaller.class, DelegatedCaller.class)) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(annotation)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).accepts(this.hints);
		}
	}

	@Test
	void authenticationsCanBeReadBySpel() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ServiceAuthentication.class.getMethod("getServiceId"))).accepts(this.hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(UserAuthentication.class.getMethod("getUserId")))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(DelegatedAuthentication.class.getMethod("getServiceId"))).accepts(this.hints);
	}

	@Test
	void everyPropertyOfTheConfigurationTreeCanBeBound() throws NoSuchMethodException {
		for (Class<?> properties : List.of(S2sInboundProperties.class, S2sInboundProperties.Issuer.class,
				S2sOutboundProperties.class, S2sOutboundProperties.Target.class, S2sAuthorizationProperties.class,
				S2sAuthorizationProperties.Log.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(properties)).as(properties.getName())
				.accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(S2sAuthorizationProperties.Log.class.getMethod("setRefusalsPerMinute", int.class)))
			.accepts(this.hints);
	}

	@Test
	void actuatorEndpointCanBeInvoked() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(S2sEndpoint.class.getMethod("describe")))
			.accepts(this.hints);
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasSizeGreaterThanOrEqualTo(2);
		registrars.forEach((registrar) -> registrar.registerHints(hints, S2sRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

}
