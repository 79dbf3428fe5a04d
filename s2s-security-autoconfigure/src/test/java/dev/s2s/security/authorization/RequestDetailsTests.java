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

/**
 * Tests for {@link RequestDetails}: a decision under a service-only path records that
 * path's pattern as its route, and nothing else of the request changes.
 */
class RequestDetailsTests {

	@Test
	void withRouteChangesTheRouteOnly() {
		RequestDetails request = new RequestDetails("DELETE", "-", "c-1");
		RequestDetails routed = request.withRoute("/api/internal/**");
		assertThat(routed).isEqualTo(new RequestDetails("DELETE", "/api/internal/**", "c-1"));
		assertThat(request.route()).isEqualTo("-");
	}

}
