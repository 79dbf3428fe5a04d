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

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verified-token cache: found by the very same token only, and giving back the same
 * token after its {@code Jwt} was collected.
 */
class VerifiedTokensTests {

	private static final String SIGNATURE = "Nk2Z4fQ0lWv8c3bq9Xj1pR7sTgYh2uKe5oMdAa6iLcwBxEyF";

	private final VerifiedTokens tokens = new VerifiedTokens(100, Clock.systemUTC());

	@Test
	void theKeyHashesTheSignatureEnd() {
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ." + SIGNATURE;
		VerifiedTokens.TokenKey key = new VerifiedTokens.TokenKey(token);
		// Tokens of one caller differ in their signature: the hash must tell them apart.
		assertThat(new VerifiedTokens.TokenKey(token.substring(0, token.length() - 1) + "Q").hashCode())
			.isNotEqualTo(key.hashCode());
		// Only the last 32 characters are hashed; equality still compares the whole
		// token.
		VerifiedTokens.TokenKey otherPayload = new VerifiedTokens.TokenKey("X" + token.substring(1));
		assertThat(otherPayload.hashCode()).isEqualTo(key.hashCode());
		assertThat(otherPayload).isNotEqualTo(key);
		assertThat(new VerifiedTokens.TokenKey(new String(token.toCharArray()))).isEqualTo(key);
		assertThat(new VerifiedTokens.TokenKey("a.b.c").hashCode()).isEqualTo("a.b.c".hashCode());
	}

	@Test
	void aTokenIsFoundInAnyStringHoldingIt() {
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ." + SIGNATURE;
		Jwt put = this.tokens.put(jwt(token, "orders"));
		assertThat(this.tokens.get(new String(token.toCharArray()))).isSameAs(put);
	}

	@Test
	void anotherTokenWithTheSameSignatureIsNotFound() {
		this.tokens.put(jwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ." + SIGNATURE, "orders"));
		assertThat(this.tokens.get("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9." + SIGNATURE)).isNull();
		assertThat(this.tokens.get("x" + SIGNATURE)).isNull();
		assertThat(this.tokens.get(SIGNATURE)).isNull();
	}

	@Test
	void tokensShorterThanTheHashedTailAreFoundToo() {
		Jwt put = this.tokens.put(jwt("a.b.c", "orders"));
		assertThat(this.tokens.get("a.b.c")).isSameAs(put);
		assertThat(this.tokens.get("a.b.d")).isNull();
	}

	@Test
	void anInvalidatedTokenIsNotFound() {
		String token = "h.p." + SIGNATURE;
		this.tokens.put(jwt(token, "orders"));
		this.tokens.invalidate(new String(token.toCharArray()));
		assertThat(this.tokens.get(token)).isNull();
	}

	@Test
	void theTokenIsBuiltAgainAlikeOnceItsJwtWasCollected() {
		String token = "h.p." + SIGNATURE;
		Jwt original = jwt(token, "orders");
		WeakReference<Jwt> remembered = new WeakReference<>(this.tokens.put(original));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			System.gc();
			return remembered.get() == null;
		});
		Jwt rebuilt = this.tokens.get(token);
		assertThat(rebuilt).isNotNull();
		assertThat(rebuilt.getTokenValue()).isEqualTo(token);
		assertThat(rebuilt.getHeaders()).containsExactlyEntriesOf(original.getHeaders());
		assertThat(rebuilt.getClaims()).containsExactlyEntriesOf(original.getClaims());
		assertThat(rebuilt.getIssuedAt()).isEqualTo(original.getIssuedAt());
		assertThat(rebuilt.getExpiresAt()).isEqualTo(original.getExpiresAt());
		assertThat(this.tokens.get(token)).isSameAs(rebuilt);
	}

	@Test
	void entriesShareWhatTokensRepeatButNotTheirIdentifiers() {
		Jwt first = this.tokens.put(jwt("h.p.first", new String("orders".toCharArray())));
		Jwt second = this.tokens.put(jwt("h.p.second", new String("orders".toCharArray())));
		assertThat(first.getSubject()).isSameAs(second.getSubject());
		assertThat(first.getClaims().get("aud")).isSameAs(second.getClaims().get("aud"));
		assertThat(first.getClaims().keySet().iterator().next())
			.isSameAs(second.getClaims().keySet().iterator().next());
		assertThat(first.getId()).isNotEqualTo(second.getId());
	}

	@Test
	void entriesNeverShareAJsonObjectWhichCouldBeChanged() {
		Jwt first = this.tokens.put(withRoles("h.p.first"));
		Jwt second = this.tokens.put(withRoles("h.p.second"));
		assertThat(first.getClaims().get("realm_access")).isEqualTo(second.getClaims().get("realm_access"))
			.isNotSameAs(second.getClaims().get("realm_access"));
		assertThat(first.getClaims().get("aud")).isSameAs(second.getClaims().get("aud"));
	}

	@Test
	void tokensOfAnotherCallerKeepTheirOwnClaims() {
		Jwt orders = this.tokens.put(jwt("h.p.orders", "orders"));
		Jwt billing = this.tokens.put(jwt("h.p.billing", "billing"));
		assertThat(orders.getSubject()).isEqualTo("orders");
		assertThat(billing.getSubject()).isEqualTo("billing");
		assertThat(this.tokens.get("h.p.orders").getSubject()).isEqualTo("orders");
	}

	private static Jwt withRoles(String token) {
		Instant now = Instant.now();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("orders")
			.audience(List.of("inventory"))
			.claim("realm_access", new java.util.HashMap<>(Map.of("roles", List.of("reader"))))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(5)))
			.build();
	}

	@Test
	void anExpiredTokenIsNotKept() {
		Jwt expired = Jwt.withTokenValue("h.p.expired")
			.header("alg", "RS256")
			.subject("orders")
			.issuedAt(Instant.now().minusSeconds(120))
			.expiresAt(Instant.now().minusSeconds(60))
			.build();
		this.tokens.put(expired);
		assertThat(this.tokens.get("h.p.expired")).isNull();
	}

	private static Jwt jwt(String token, String subject) {
		Instant now = Instant.now();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.header("kid", "key-1")
			.claims((claims) -> claims.putAll(Map.of("sub", subject, "aud", List.of("inventory"), "jti",
					java.util.UUID.randomUUID().toString(), "scope", "stock:read")))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(5)))
			.build();
	}

}
