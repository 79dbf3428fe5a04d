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

package dev.s2s.security.autoconfigure.check;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an unknown {@code s2s.security} key is taken to mean: the "did you mean" of the
 * startup failure, written with the key's own list indexes and map keys.
 */
class UnknownPropertySuggestionsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "none",
			textBlock = """
							s2s.security.inbound.clock-skw,                          s2s.security.inbound.clock-skew
							s2s.security.inbound.jwks.max-respnse-sz,                s2s.security.inbound.jwks.max-response-size
							s2s.security.inbound.revocation.stor,                    s2s.security.inbound.revocation.store
							s2s.security.inbound.revocation.sto,                     s2s.security.inbound.revocation.store
							s2s.security.inbound.revocation.s,                       none
							s2s.security.inbound.jwks.cache-ttl,                     none
							s2s.security.inbond.clock-skew,                          s2s.security.inbound.clock-skew
							s2s.security.inbound.issuers[2].isuer-uri,               s2s.security.inbound.issuers[2].issuer-uri
							s2s.security.inbound.isuers[3].issuer-uri,               s2s.security.inbound.issuers[3].issuer-uri
							s2s.security.inbound.service-paths[1].pattern,           s2s.security.authorization.service-paths[1].pattern
							s2s.security.inbound.service-path[1].pattern,            s2s.security.authorization.service-paths[1].pattern
							s2s.security.inbound.public-paths[0],                    s2s.security.authorization.public-paths[0]
							s2s.security.inbound.jwks.size-limit,                    s2s.security.inbound.jwks.max-response-size
							s2s.security.outbound.targets.order-service.base-url,    s2s.security.outbound.targets.order-service.base-urls
							s2s.security.outbound.targts.order-service.base-urls,    s2s.security.outbound.targets.order-service.base-urls
							s2s.security.inbound.issuers[3].requre-at-jwt-tpe-x,     s2s.security.inbound.issuers[3].require-at-jwt-type
					s2s.security.inbound.issuers[0].delegatng-clents-x,      s2s.security.inbound.issuers[0].delegating-clients
					s2s.security.outbound.targets.order-service.allow-frwrdng, s2s.security.outbound.targets.order-service.allow-forwarding
					s2s.security.outbound.targetz.order-service.allow-frwrdng, none
					s2s.security.inbound.issuer[0].requre-at-jwt-tpe-x,      none
					s2s.security.completely-unrelated,                       none
							s2s.security.inbound.clock-skew.extra,                   none
							""")
	void suggestion(String unknown, @Nullable String suggested) {
		assertThat(UnknownPropertyFailureAnalyzer.meant(unknown)).isEqualTo(suggested);
	}

	@Test
	void onlyKeysUnderS2sSecurityAreReported() {
		UnboundConfigurationPropertiesException failure = new UnboundConfigurationPropertiesException(
				Set.of(property("s2s.security.sevice-id"), property("spring.application.nme")));
		FailureAnalysis analysis = new UnknownPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("s2s.security.sevice-id (from test origin)")
			.doesNotContain("spring.application");
		assertThat(analysis.getAction()).contains("s2s.security.sevice-id: did you mean 's2s.security.service-id'?")
			.doesNotContain("spring.application");
	}

	@Test
	void otherUnknownKeysAreLeftToSpringBoot() {
		UnboundConfigurationPropertiesException failure = new UnboundConfigurationPropertiesException(
				Set.of(property("spring.application.nme")));
		assertThat(new UnknownPropertyFailureAnalyzer().analyze(failure)).isNull();
	}

	private static ConfigurationProperty property(String name) {
		Origin origin = new Origin() {

			@Override
			public String toString() {
				return "test origin";
			}

		};
		return new ConfigurationProperty(ConfigurationPropertyName.of(name), "value", origin);
	}

}
