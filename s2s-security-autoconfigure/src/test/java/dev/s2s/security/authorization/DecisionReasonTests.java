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

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DecisionReason}: its code is what logs, events and metrics carry.
 */
class DecisionReasonTests {

	@Test
	void codeIsTheLowerCaseName() {
		assertThat(Arrays.stream(DecisionReason.values()).map(DecisionReason::code)).containsExactly("allowed",
				"not_authenticated", "unknown_caller", "caller_type_not_accepted", "delegation_not_accepted",
				"service_not_listed", "insufficient_scope", "missing_role", "no_rule", "policy_error");
	}

}
