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

package dev.s2s.security.testkit;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.s2s.security.autoconfigure.inbound.S2sJwtDecoderBuilderCustomizer;
import dev.s2s.security.autoconfigure.outbound.ServiceTokensBuilderCustomizer;
import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.test.web.servlet.MockMvc;

import static dev.s2s.security.test.S2sMockMvc.caller;
import static dev.s2s.security.test.TestCaller.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link S2sJwtDecoderBuilderCustomizer} and {@link ServiceTokensBuilderCustomizer} beans
 * change one setting of the auto-configured beans, in order, without replacing them: real
 * tokens from a fake issuer, over MockMvc.
 */
@SpringBootTest(classes = BuilderCustomizerTests.App.class,
		properties = { "s2s.security.service-id=inventory-service",
				"s2s.security.inbound.issuers[0].issuer-uri=https://login.example.invalid",
				"s2s.security.outbound.token-uri=https://login.example.invalid/token",
				"s2s.security.outbound.client-secret=inventory-secret",
				"s2s.security.outbound.targets.pricing.base-urls=http://127.0.0.1:1",
				"s2s.security.outbound.targets.pricing.audience=pricing-service" })
@AutoConfigureMockMvc
@AutoConfigureFakeTokenIssuer
class BuilderCustomizerTests {

	@Autowired
	MockMvc mockMvc;

	@Autowired
	List<String> applied;

	@Test
	void decoderCustomizerAddsACheckThatRunsOnEveryToken() throws Exception {
		this.mockMvc.perform(get("/stock/1").with(caller(service("order-service")))).andExpect(status().isOk());
		this.mockMvc.perform(get("/stock/1").with(caller(service("blocked-service"))))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")));
	}

	@Test
	void serviceTokensCustomizerAddsATargetNextToTheConfiguredOnes(@Autowired ServiceTokens tokens) {
		assertThat(tokens.getTargets()).extracting(OutboundTarget::name).containsExactlyInAnyOrder("pricing", "audit");
	}

	@Test
	void customizersRunInTheirOrder() {
		assertThat(this.applied).containsSubsequence("decoder-first", "decoder-second")
			.containsSubsequence("tokens-first", "tokens-second");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WhoAmIController.class)
	static class App {

		@Bean
		List<String> applied() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		@Order(2)
		S2sJwtDecoderBuilderCustomizer secondDecoderCustomizer(List<String> applied) {
			return (builder) -> applied.add("decoder-second");
		}

		@Bean
		@Order(1)
		S2sJwtDecoderBuilderCustomizer blockingDecoderCustomizer(List<String> applied) {
			return (builder) -> {
				applied.add("decoder-first");
				builder.validator((jwt) -> "blocked-service".equals(jwt.getClaimAsString("client_id"))
						? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "blocked", null))
						: OAuth2TokenValidatorResult.success());
			};
		}

		@Bean
		@Order(2)
		ServiceTokensBuilderCustomizer secondTokensCustomizer(List<String> applied) {
			return (builder) -> applied.add("tokens-second");
		}

		@Bean
		@Order(1)
		ServiceTokensBuilderCustomizer auditTargetCustomizer(List<String> applied) {
			return (builder) -> {
				applied.add("tokens-first");
				builder.target(new OutboundTarget("audit", List.of(URI.create("http://127.0.0.1:2")), "audit-service",
						List.of(), OutboundTarget.Identity.SERVICE));
			};
		}

	}

}
