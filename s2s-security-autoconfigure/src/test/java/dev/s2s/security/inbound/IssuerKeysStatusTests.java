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

package dev.s2s.security.inbound;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.s2s.security.CredentialState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operations endpoint and health say of an issuer's keys: the newest of fetch,
 * failure and refusal decides.
 */
class IssuerKeysStatusTests {

	private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

	private final IssuerKeysStatus status = new IssuerKeysStatus("https://idp.example");

	@Test
	void nothingFetchedYet() {
		assertThat(this.status.getState()).isEqualTo(CredentialState.NOT_FETCHED);
		assertThat(this.status.getIssuerUri()).isEqualTo("https://idp.example");
		assertThat(this.status.getKeyIds()).isEmpty();
		assertThat(this.status.getLastFetch()).isNull();
	}

	@Test
	void aFetchRecordsTheKeyIdsSortedAndSkipsKeysWithoutOne() throws Exception {
		JWKSet keys = new JWKSet(List.of(new ECKeyGenerator(Curve.P_256).keyID("b").generate(),
				new ECKeyGenerator(Curve.P_256).generate(), new ECKeyGenerator(Curve.P_256).keyID("a").generate()));
		this.status.fetched(keys, T0);
		assertThat(this.status.getKeyIds()).containsExactly("a", "b");
		assertThat(this.status.getLastFetch()).isEqualTo(T0);
		assertThat(this.status.getState()).isEqualTo(CredentialState.UP);
		assertThat(this.status.toString()).contains("https://idp.example", "keys=[a, b]", "lastFetch=" + T0);
	}

	@Test
	void aFailureAfterTheLastFetchDegradesAndANewFetchRecovers() {
		this.status.failed(new IOException("connect timed out"), T0);
		assertThat(this.status.getState()).isEqualTo(CredentialState.DEGRADED);
		assertThat(this.status.getLastFailure()).isEqualTo(T0);
		assertThat(this.status.getLastFailureKind()).isEqualTo("IOException");
		this.status.fetched(new JWKSet(), T0.plusSeconds(1));
		assertThat(this.status.getState()).isEqualTo(CredentialState.UP);
		this.status.failed(new IOException(), T0.plusSeconds(1));
		assertThat(this.status.getState()).as("a failure at the same instant as the fetch")
			.isEqualTo(CredentialState.UP);
		this.status.failed(new IOException(), T0.plusSeconds(2));
		assertThat(this.status.getState()).isEqualTo(CredentialState.DEGRADED);
	}

	@Test
	void aRefusalAfterTheLastFetchIsDown() {
		this.status.fetched(new JWKSet(), T0);
		this.status.refused(T0.plusSeconds(1));
		assertThat(this.status.getLastRefusal()).isEqualTo(T0.plusSeconds(1));
		assertThat(this.status.getState()).isEqualTo(CredentialState.DOWN);
		this.status.failed(new IOException(), T0.plusSeconds(2));
		assertThat(this.status.getState()).as("down wins over degraded").isEqualTo(CredentialState.DOWN);
		this.status.fetched(new JWKSet(), T0.plusSeconds(3));
		assertThat(this.status.getState()).isEqualTo(CredentialState.UP);
	}

}
