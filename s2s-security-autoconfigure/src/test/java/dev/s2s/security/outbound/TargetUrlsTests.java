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

package dev.s2s.security.outbound;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which configured target a request URL belongs to, and the URLs that look like a
 * target's but must get no token.
 */
class TargetUrlsTests {

	private final TargetUrls urls = new TargetUrls();

	TargetUrlsTests() {
		this.urls.add(URI.create("http://gateway.internal"), "gateway");
		this.urls.add(URI.create("http://gateway.internal/inventory/"), "inventory");
		this.urls.add(URI.create("https://payments.internal"), "payments");
	}

	@Test
	void theLongestBasePathWins() {
		assertThat(this.urls.find(URI.create("http://gateway.internal/inventory/items/1"))).isEqualTo("inventory");
		assertThat(this.urls.find(URI.create("http://gateway.internal/inventory"))).isEqualTo("inventory");
		assertThat(this.urls.find(URI.create("http://gateway.internal/inventoryx"))).isEqualTo("gateway");
		assertThat(this.urls.find(URI.create("http://GATEWAY.internal:80/orders"))).isEqualTo("gateway");
		assertThat(this.urls.find(URI.create("https://payments.internal:443/pay"))).isEqualTo("payments");
	}

	@Test
	void aPathThatClimbsOutOfATargetBelongsToTheTargetItLandsIn() {
		assertThat(this.urls.find(URI.create("http://gateway.internal/inventory/../orders"))).isEqualTo("gateway");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://gateway.internal:8080/inventory", "https://gateway.internal/inventory",
			"http://payments.internal/pay", "http://other.internal/inventory", "http://user@gateway.internal/inventory",
			"http://gateway.internal/inventory/%2e%2e/admin", "http://gateway.internal/inventory/%2F..",
			"http://gateway.internal/inventory/%5c..", "http://gateway.internal/../inventory", "/inventory/items" })
	void urlsThatAreNoTargetsGetNoToken(String url) {
		assertThat(this.urls.find(URI.create(url))).isNull();
	}

}
