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
package dev.s2s.samples.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples against a real Spring Authorization Server, in-process on loopback: the
 * demo's scenario, every outcome as expected.
 */
class SpringAuthorizationServerScenarioTests {

	@Test
	void everyCallEndsAsExpected() throws Exception {
		List<Demo.Row> rows = new Demo().play();
		assertThat(rows).hasSize(9);
		assertThat(rows).allSatisfy((row) -> assertThat(row.asExpected())
			.as("%s by %s: expected %s, happened %s", row.call(), row.caller(), row.expected(), row.happened())
			.isTrue());
		assertThat(rows).anySatisfy((row) -> assertThat(row.happened()).contains("alice via order-service"));
		// Each denial line belongs to its call and to the service that denied.
		Demo.Row notListed = rows.get(2);
		assertThat(notListed.caller()).isEqualTo("payment-service (not listed)");
		assertThat(notListed.logged()).singleElement().satisfies((line) -> {
			assertThat(line.service()).isEqualTo("inventory-service");
			assertThat(line.level()).isEqualTo("WARN");
			assertThat(line.message()).startsWith("s2s authorization denied: reason=service_not_listed")
				.contains("service=\"payment-service\"");
		});
		assertThat(rows.get(5).logged()).singleElement()
			.satisfies((line) -> assertThat(line.message()).contains("reason=caller_type_not_accepted"));
		assertThat(rows.get(1).logged()).isEmpty();
		assertThat(rows.get(3).logged()).isEmpty();
	}

}
