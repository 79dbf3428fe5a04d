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
package dev.s2s.security.authorization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CorrelationIds}: an incoming id that can be logged as it is wins, then
 * the current trace id, then a random one.
 */
class CorrelationIdsTests {

	@Test
	void resolveKeepsAValidIncomingId() {
		assertThat(new CorrelationIds(() -> "trace-1").resolve("order-42")).isEqualTo("order-42");
	}

	@Test
	void resolveWhenTheIncomingIdIsMissingOrInvalidThenTheTraceId() {
		CorrelationIds ids = new CorrelationIds(() -> "4bf92f3577b34da6");
		assertThat(ids.resolve(null)).isEqualTo("4bf92f3577b34da6");
		assertThat(ids.resolve("not valid")).isEqualTo("4bf92f3577b34da6");
	}

	@Test
	void resolveWhenNeitherIsUsableThenARandomUuid() {
		CorrelationIds ids = new CorrelationIds(() -> null);
		assertThat(ids.resolve(null)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
			.isNotEqualTo(ids.resolve(null));
		assertThat(new CorrelationIds(() -> "bad trace").resolve(null)).hasSize(36);
	}

	@Test
	void aTraceIdSourceIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIds(null))
			.withMessage("traceId cannot be null");
	}

}
