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
package dev.s2s.security.caller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallerProof}: its tag is the low-cardinality value metrics and logs
 * record.
 */
class CallerProofTests {

	@Test
	void tagIsTheLowerCaseName() {
		assertThat(CallerProof.TOKEN.tag()).isEqualTo("token");
		assertThat(CallerProof.CERTIFICATE.tag()).isEqualTo("certificate");
		assertThat(CallerProof.TOKEN_AND_CERTIFICATE.tag()).isEqualTo("token_and_certificate");
	}

}
