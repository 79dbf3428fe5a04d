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

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration;
import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token cache counter, registered by the auto-configuration and counting
 * real tokens from a real issuer.
 */
class InboundMetricsTests {

	@Test
	void verifiedTokenCacheCountsHitsAndMisses() {
		try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sInboundAutoConfiguration.class))
				.withPropertyValues("s2s.security.service-id=inventory-service",
						"s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri())
				.run((context) -> {
					MeterRegistry registry = new SimpleMeterRegistry();
					context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
					String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
					S2sJwtDecoder decoder = context.getBean(S2sJwtDecoder.class);
					decoder.decode(token);
					decoder.decode(token);
					decoder.decode(token);
					assertThat(registry.get("s2s.security.inbound.token.cache")
						.tag("result", "miss")
						.functionCounter()
						.count()).isEqualTo(1);
					assertThat(registry.get("s2s.security.inbound.token.cache")
						.tag("result", "hit")
						.functionCounter()
						.count()).isEqualTo(2);
				});
		}
	}

}
