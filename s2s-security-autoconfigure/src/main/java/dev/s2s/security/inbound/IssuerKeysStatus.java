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

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.s2s.security.CredentialState;
import org.jspecify.annotations.Nullable;

/**
 * What was last observed of a trusted issuer's signing keys: the key ids fetched, when
 * they were fetched, the last failure and the last token refused for want of keys. It is
 * updated as tokens are verified and never fetches anything itself, so that health checks
 * and the Actuator endpoint cost no network call.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class IssuerKeysStatus {

	private final String issuerUri;

	private volatile List<String> keyIds = List.of();

	private volatile @Nullable Instant lastFetch;

	private volatile @Nullable Instant lastFailure;

	private volatile @Nullable String lastFailureKind;

	private volatile @Nullable Instant lastRefusal;

	IssuerKeysStatus(String issuerUri) {
		this.issuerUri = issuerUri;
	}

	void fetched(JWKSet keys, Instant at) {
		this.keyIds = keys.getKeys().stream().map(JWK::getKeyID).filter((id) -> id != null).sorted().toList();
		this.lastFetch = at;
	}

	void failed(Throwable failure, Instant at) {
		this.lastFailureKind = failure.getClass().getSimpleName();
		this.lastFailure = at;
	}

	void refused(Instant at) {
		this.lastRefusal = at;
	}

	/**
	 * The issuer.
	 * @return its URI, as configured
	 */
	public String getIssuerUri() {
		return this.issuerUri;
	}

	/**
	 * The ids of the keys last fetched (and cached).
	 * @return the key ids, sorted; empty before the first fetch
	 */
	public List<String> getKeyIds() {
		return this.keyIds;
	}

	/**
	 * When keys were last fetched successfully.
	 * @return the time, or {@code null} if never
	 */
	public @Nullable Instant getLastFetch() {
		return this.lastFetch;
	}

	/**
	 * When discovery or a key fetch last failed.
	 * @return the time, or {@code null} if never
	 */
	public @Nullable Instant getLastFailure() {
		return this.lastFailure;
	}

	/**
	 * The kind of the last failure, such as {@code KeySourceException}: never its
	 * message, which may carry the provider's addresses or answer.
	 * @return the exception's simple name, or {@code null} if nothing failed
	 */
	public @Nullable String getLastFailureKind() {
		return this.lastFailureKind;
	}

	/**
	 * When a token of this issuer was last refused because no keys could be had.
	 * @return the time, or {@code null} if never
	 */
	public @Nullable Instant getLastRefusal() {
		return this.lastRefusal;
	}

	/**
	 * The state of the keys, from what was last observed: DOWN only once a token was
	 * refused for lack of keys (and no fetch succeeded since), since the keys kept
	 * through an outage last as long as the cache and the outage tolerance allow.
	 * @return the state
	 */
	public CredentialState getState() {
		Instant fetch = this.lastFetch;
		Instant failure = this.lastFailure;
		Instant refusal = this.lastRefusal;
		if (refusal != null && (fetch == null || refusal.isAfter(fetch))) {
			return CredentialState.DOWN;
		}
		if (failure != null && (fetch == null || failure.isAfter(fetch))) {
			return CredentialState.DEGRADED;
		}
		return (fetch != null) ? CredentialState.UP : CredentialState.NOT_FETCHED;
	}

	@Override
	public String toString() {
		return "IssuerKeysStatus[" + this.issuerUri + ", keys=" + this.keyIds + ", lastFetch=" + this.lastFetch
				+ ", lastFailure=" + this.lastFailure + " " + this.lastFailureKind + "]";
	}

}
