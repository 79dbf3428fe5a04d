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

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a token is for: one cache entry per key, shared by the whole application.
 *
 * @author s2s-security team
 */
final class TokenKey {

	private final String clientId;

	private final @Nullable String audience;

	private final List<String> scopes;

	private final @Nullable String subjectToken;

	private final @Nullable AudienceParameter audienceParameter;

	private final boolean dpop;

	// Computed once: every cache read hashes the key.
	private final int hash;

	TokenKey(String clientId, @Nullable String audience, List<String> scopes, @Nullable String subjectToken) {
		this(clientId, audience, scopes, subjectToken, null);
	}

	TokenKey(String clientId, @Nullable String audience, List<String> scopes, @Nullable String subjectToken,
			@Nullable AudienceParameter audienceParameter) {
		this(clientId, audience, scopes, subjectToken, audienceParameter, false);
	}

	TokenKey(String clientId, @Nullable String audience, List<String> scopes, @Nullable String subjectToken,
			@Nullable AudienceParameter audienceParameter, boolean dpop) {
		this.dpop = dpop;
		this.clientId = clientId;
		this.audience = audience;
		this.scopes = scopes;
		this.subjectToken = subjectToken;
		this.audienceParameter = audienceParameter;
		this.hash = Objects.hash(clientId, audience, scopes, subjectToken, audienceParameter, dpop);
	}

	String clientId() {
		return this.clientId;
	}

	@Nullable String audience() {
		return this.audience;
	}

	List<String> scopes() {
		return this.scopes;
	}

	/**
	 * The incoming token to exchange, or {@code null} for this service's own token.
	 */
	@Nullable String subjectToken() {
		return this.subjectToken;
	}

	/**
	 * How this key's audience is sent, or {@code null} for the default.
	 */
	@Nullable AudienceParameter audienceParameter() {
		return this.audienceParameter;
	}

	/**
	 * Whether the token is requested bound to this service's DPoP key.
	 */
	boolean dpop() {
		return this.dpop;
	}

	/**
	 * This key for another incoming token to exchange.
	 */
	TokenKey withSubjectToken(String subjectToken) {
		return new TokenKey(this.clientId, this.audience, this.scopes, subjectToken, this.audienceParameter, this.dpop);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof TokenKey key && this.hash == key.hash
				&& this.clientId.equals(key.clientId) && Objects.equals(this.audience, key.audience)
				&& this.scopes.equals(key.scopes) && Objects.equals(this.subjectToken, key.subjectToken)
				&& this.audienceParameter == key.audienceParameter && this.dpop == key.dpop);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		// Never the subject token.
		return "TokenKey[audience=" + this.audience + ", scopes=" + this.scopes
				+ ((this.subjectToken != null) ? ", exchange" : "") + (this.dpop ? ", dpop" : "") + "]";
	}

}
