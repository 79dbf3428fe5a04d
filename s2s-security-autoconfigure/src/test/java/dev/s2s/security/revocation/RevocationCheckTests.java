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
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevocationCheck}.
 */
class RevocationCheckTests {

	private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryRevocationStore store = new InMemoryRevocationStore(100, this.clock);

	private final RecordingMetrics metrics = new RecordingMetrics();

	private final TokenRevocation revocation = new TokenRevocation(this.store, Duration.ofHours(1),
			Duration.ofSeconds(5), this.clock, this.metrics);

	private final RevocationCheck check = new RevocationCheck(this.store, RevocationFailMode.CLOSED,
			Duration.ofSeconds(5), this.metrics);

	@Test
	void validateWhenNothingRevokedThenSuccess() {
		assertThat(this.check.validate(token("jti-1", "order-service", NOW.minusSeconds(10))).hasErrors()).isFalse();
		assertThat(this.metrics.outcomes).containsExactly("accepted");
	}

	@Test
	void validateWhenJtiRevokedThenInvalidTokenRevoked() {
		this.revocation.revokeToken("jti-1", NOW.plusSeconds(300));
		assertRevoked(this.check.validate(token("jti-1", "order-service", NOW.minusSeconds(10))));
		assertThat(this.check.validate(token("jti-2", "order-service", NOW.minusSeconds(10))).hasErrors()).isFalse();
		assertThat(this.metrics.outcomes).containsExactly("revoked", "accepted");
		assertThat(this.metrics.kinds).containsExactly(RevocationKey.Kind.TOKEN);
	}

	@Test
	void validateWhenClientRevokedThenTokensIssuedUpToThenAreRevokedAndLaterOnesAccepted() {
		this.revocation.revokeClient("order-service");
		assertRevoked(this.check.validate(token("jti-1", "order-service", NOW.minusSeconds(10))));
		assertRevoked(this.check.validate(token("jti-2", "order-service", NOW)));
		assertThat(this.check.validate(token("jti-3", "order-service", NOW.plusSeconds(1))).hasErrors()).isFalse();
		assertThat(this.check.validate(token("jti-4", "billing-service", NOW.minusSeconds(10))).hasErrors()).isFalse();
	}

	@Test
	void validateWhenClientRevokedThenAnyClientClaimNamingItCounts() {
		this.revocation.revokeClient("gateway");
		Jwt userViaGateway = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("alice")
			.claim("azp", "gateway")
			.issuedAt(NOW.minusSeconds(5))
			.build();
		assertRevoked(this.check.validate(userViaGateway));
	}

	@Test
	void validateWhenSubjectRevokedAndTokenHasNoIatThenRevoked() {
		this.revocation.revokeSubject("alice");
		Jwt noIat = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").build();
		assertRevoked(this.check.validate(noIat));
	}

	@Test
	void validateWhenStoreFailsAndFailModeClosedThenUnavailableWithRetryAfter() {
		RevocationCheck closed = new RevocationCheck(new FailingStore(), RevocationFailMode.CLOSED,
				Duration.ofMillis(1500), this.metrics);
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> closed.validate(token("jti-1", "order-service", NOW)))
			.satisfies((ex) -> assertThat(ex.retryAfterHeader()).isEqualTo("2"))
			.withCauseInstanceOf(RevocationStoreException.class);
		assertThat(this.metrics.outcomes).containsExactly("failed-closed");
	}

	@Test
	void validateWhenStoreFailsAndFailModeOpenThenAcceptedAndCounted() {
		RevocationCheck open = new RevocationCheck(new FailingStore(), RevocationFailMode.OPEN, Duration.ofSeconds(5),
				this.metrics);
		assertThat(open.validate(token("jti-1", "order-service", NOW)).hasErrors()).isFalse();
		assertThat(this.metrics.outcomes).containsExactly("failed-open");
	}

	@Test
	void revokeTokenIsKeptUntilExpiryPlusSkewAtMost() {
		RecordingStore recording = new RecordingStore();
		TokenRevocation api = new TokenRevocation(recording, Duration.ofHours(1), Duration.ofSeconds(5), this.clock,
				RevocationMetrics.NONE);
		api.revokeToken("jti-1", NOW.plusSeconds(300));
		api.revokeToken("jti-2", NOW.plus(Duration.ofDays(3)));
		api.revokeClient("order-service", NOW.minusSeconds(60));
		assertThat(recording.keepUntil).containsExactly(NOW.plusSeconds(305),
				NOW.plus(Duration.ofHours(1)).plusSeconds(5),
				NOW.minusSeconds(60).plus(Duration.ofHours(1)).plusSeconds(5));
	}

	@Test
	void revokeClientInTheFutureIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.revocation.revokeClient("order-service", NOW.plusSeconds(60)));
	}

	private static void assertRevoked(OAuth2TokenValidatorResult result) {
		assertThat(result.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getErrorCode()).isEqualTo("invalid_token");
			assertThat(error.getDescription()).isEqualTo(RevocationCheck.REVOKED);
		});
	}

	private static Jwt token(String jti, String clientId, Instant issuedAt) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.jti(jti)
			.subject("service-account-" + clientId)
			.claim("client_id", clientId)
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plusSeconds(300))
			.build();
	}

	private static final class RecordingMetrics implements RevocationMetrics {

		final List<String> outcomes = new ArrayList<>();

		final List<RevocationKey.Kind> kinds = new ArrayList<>();

		@Override
		public void checked(String outcome, Duration latency) {
			this.outcomes.add(outcome);
		}

		@Override
		public void revoked(RevocationKey.Kind kind) {
			this.kinds.add(kind);
		}

	}

	private static final class FailingStore implements RevocationStore {

		@Override
		public void revoke(RevocationKey key, Instant issuedBefore, Instant keepUntil) {
			throw new RevocationStoreException("Redis write failed (RedisConnectionException)");
		}

		@Override
		public List<@Nullable Instant> find(List<RevocationKey> keys) {
			throw new RevocationStoreException("Redis lookup failed (TimeoutException)");
		}

	}

	private static final class RecordingStore implements RevocationStore {

		final List<Instant> keepUntil = new ArrayList<>();

		@Override
		public void revoke(RevocationKey key, Instant issuedBefore, Instant keepUntil) {
			this.keepUntil.add(keepUntil);
		}

		@Override
		public List<@Nullable Instant> find(List<RevocationKey> keys) {
			return new ArrayList<>(java.util.Collections.nCopies(keys.size(), null));
		}

	}

}
