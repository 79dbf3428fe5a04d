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
package dev.s2s.security.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryRevocationStore}.
 */
class InMemoryRevocationStoreTests {

	private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryRevocationStore store = new InMemoryRevocationStore(100, this.clock);

	@Test
	void findWhenRevokedThenInstantOtherwiseNull() {
		this.store.revoke(RevocationKey.token("jti-1"), NOW, NOW.plusSeconds(60));
		assertThat(this.store
			.find(List.of(RevocationKey.token("jti-1"), RevocationKey.token("jti-2"), RevocationKey.client("jti-1"))))
			.containsExactly(NOW, null, null);
	}

	@Test
	void findWhenKeepUntilPassedThenForgotten() {
		this.store.revoke(RevocationKey.token("jti-1"), NOW, NOW.plusSeconds(60));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.store.find(List.of(RevocationKey.token("jti-1")))).containsExactly(NOW);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.store.find(List.of(RevocationKey.token("jti-1")))).containsOnlyNulls();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void revokeWhenKeepUntilAlreadyPassedThenNothingIsKept() {
		this.store.revoke(RevocationKey.client("order-service"), NOW.minusSeconds(120), NOW.minusSeconds(1));
		assertThat(this.store.size()).isZero();
	}

	@Test
	void revokeWhenEarlierInstantThenLaterOneIsKept() {
		RevocationKey client = RevocationKey.client("order-service");
		this.store.revoke(client, NOW, NOW.plusSeconds(600));
		this.store.revoke(client, NOW.minusSeconds(30), NOW.plusSeconds(60));
		assertThat(this.store.find(List.of(client))).containsExactly(NOW);
		this.clock.advance(Duration.ofSeconds(120));
		assertThat(this.store.find(List.of(client))).as("kept until the later keepUntil").containsExactly(NOW);
	}

	@Test
	void digestNeverContainsTheId() {
		assertThat(RevocationKey.token("jti-secret").digest()).startsWith("token:").doesNotContain("jti-secret");
		assertThat(RevocationKey.subject("alice").toString()).startsWith("subject:").doesNotContain("alice");
	}

}
