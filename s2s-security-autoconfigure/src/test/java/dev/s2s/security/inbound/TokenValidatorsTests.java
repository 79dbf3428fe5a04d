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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every token passes, each refusal with its reason, at the boundaries an
 * attacker would try: a token exactly at a limit, a claim only an ID token carries, a
 * look-alike type.
 */
class TokenValidatorsTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private static final Duration SKEW = Duration.ofSeconds(30);

	private static final Duration MAX_LIFETIME = Duration.ofHours(1);

	// A fixed clock far from the real one: a check that used the system clock would fail.
	private final OAuth2TokenValidator<Jwt> time = TokenValidators.time(SKEW, MAX_LIFETIME,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void timeRequiresAnExpiryThatHasNotPassedBeyondTheSkew() {
		assertThat(reason(this.time, (jwt) -> jwt.issuedAt(NOW))).isEqualTo("exp is required");
		assertAccepted(this.time, (jwt) -> jwt.issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.minus(SKEW)));
		assertThat(reason(this.time,
				(jwt) -> jwt.issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.minus(SKEW).minusSeconds(1))))
			.startsWith("Jwt expired at");
		assertAccepted(this.time, (jwt) -> jwt.expiresAt(NOW.plusSeconds(60)));
	}

	@Test
	void timeRefusesATokenUsedBeforeItsNotBefore() {
		assertAccepted(this.time, (jwt) -> jwt.notBefore(NOW.plus(SKEW)).expiresAt(NOW.plusSeconds(600)));
		assertThat(reason(this.time,
				(jwt) -> jwt.notBefore(NOW.plus(SKEW).plusSeconds(1)).expiresAt(NOW.plusSeconds(600))))
			.startsWith("Jwt used before");
	}

	@Test
	void timeRefusesATokenIssuedInTheFutureBeyondTheSkew() {
		assertAccepted(this.time, (jwt) -> jwt.issuedAt(NOW.plus(SKEW)).expiresAt(NOW.plusSeconds(600)));
		assertThat(
				reason(this.time, (jwt) -> jwt.issuedAt(NOW.plus(SKEW).plusSeconds(1)).expiresAt(NOW.plusSeconds(600))))
			.isEqualTo("The token is issued in the future");
	}

	@Test
	void timeBoundsTheLifetimeFromTheIssueTimeThenTheNotBeforeThenNow() {
		assertAccepted(this.time, (jwt) -> jwt.issuedAt(NOW).expiresAt(NOW.plus(MAX_LIFETIME)));
		assertThat(reason(this.time, (jwt) -> jwt.issuedAt(NOW).expiresAt(NOW.plus(MAX_LIFETIME).plusSeconds(1))))
			.isEqualTo("The token lives longer than this service accepts");
		// An old iat with a recent nbf: the lifetime counts from iat.
		assertThat(reason(this.time,
				(jwt) -> jwt.issuedAt(NOW.minusSeconds(20)).notBefore(NOW).expiresAt(NOW.plus(MAX_LIFETIME))))
			.isEqualTo("The token lives longer than this service accepts");
		assertThat(reason(this.time, (jwt) -> jwt.notBefore(NOW.minusSeconds(20)).expiresAt(NOW.plus(MAX_LIFETIME))))
			.isEqualTo("The token lives longer than this service accepts");
		assertAccepted(this.time,
				(jwt) -> jwt.notBefore(NOW.minusSeconds(20)).expiresAt(NOW.plus(MAX_LIFETIME).minusSeconds(20)));
		assertThat(reason(this.time, (jwt) -> jwt.expiresAt(NOW.plus(MAX_LIFETIME).plusSeconds(1))))
			.isEqualTo("The token lives longer than this service accepts");
		assertAccepted(this.time, (jwt) -> jwt.expiresAt(NOW.plus(MAX_LIFETIME)));
	}

	@Test
	void accessTokenAcceptsTheTypesOfAccessTokens() {
		assertAccepted(TokenValidators::accessToken, (jwt) -> jwt.headers((headers) -> headers.remove("typ")));
		for (String type : List.of("at+jwt", "AT+JWT", "application/at+jwt", "JWT", "application/jwt")) {
			assertAccepted(TokenValidators::accessToken, (jwt) -> jwt.header("typ", type));
		}
		assertAccepted(TokenValidators::accessToken, (jwt) -> jwt.claim("typ", "Bearer").claim("token_use", "access"));
	}

	@Test
	void accessTokenRefusesOtherTokensAndTheirLookAlikes() {
		for (String type : List.of("id+jwt", "at+jwt ", "secevent+jwt", "dpop+jwt", "logout+jwt")) {
			assertThat(reason(TokenValidators::accessToken, (jwt) -> jwt.header("typ", type)))
				.isEqualTo("The token is not an access token");
		}
		for (String claim : List.of("nonce", "at_hash", "c_hash", "s_hash")) {
			assertThat(reason(TokenValidators::accessToken, (jwt) -> jwt.claim(claim, "x")))
				.isEqualTo("ID tokens are not accepted as access tokens");
		}
		assertThat(reason(TokenValidators::accessToken, (jwt) -> jwt.claim("events", "{}")))
			.isEqualTo("Security event and logout tokens are not accepted");
		for (String keycloakType : List.of("ID", "Refresh", "Logout", "Bearer ")) {
			assertThat(reason(TokenValidators::accessToken, (jwt) -> jwt.claim("typ", keycloakType)))
				.isEqualTo("The token is not an access token");
		}
		for (String use : List.of("id", "Access", "refresh")) {
			assertThat(reason(TokenValidators::accessToken, (jwt) -> jwt.claim("token_use", use)))
				.isEqualTo("The token is not an access token");
		}
	}

	@Test
	void audienceAcceptsATokenWhenAnyOfItsAudiencesIsThisService() {
		OAuth2TokenValidator<Jwt> audience = TokenValidators.audience(Set.of("inventory", "https://inventory.example"));
		assertAccepted(audience, (jwt) -> jwt.audience(List.of("billing", "https://inventory.example")));
		assertAccepted(audience, (jwt) -> jwt.audience(List.of("inventory")));
		assertThat(reason(audience, (jwt) -> jwt.audience(List.of("billing", "inventory-service"))))
			.isEqualTo("The token is not meant for this service");
		assertThat(reason(audience, (jwt) -> jwt.claims((claims) -> claims.remove("aud"))))
			.isEqualTo("The token is not meant for this service");
	}

	@Test
	void issuerAcceptsOnlyTheExactIssuer() {
		OAuth2TokenValidator<Jwt> issuer = TokenValidators.issuer("https://idp.example/realms/prod");
		assertAccepted(issuer, (jwt) -> jwt.issuer("https://idp.example/realms/prod"));
		for (String other : List.of("https://idp.example/realms/prod/", "https://IDP.example/realms/prod",
				"https://idp.example/realms/prodx")) {
			assertThat(reason(issuer, (jwt) -> jwt.issuer(other))).isEqualTo("The token comes from another issuer");
		}
		assertThat(reason(issuer, (jwt) -> jwt.claims((claims) -> claims.remove("iss"))))
			.isEqualTo("The token comes from another issuer");
	}

	@Test
	void allGivesTheFirstReasonAndRunsNoLaterCheck() {
		OAuth2TokenValidator<Jwt> never = (jwt) -> {
			throw new AssertionError("checked after a refusal");
		};
		OAuth2TokenValidator<Jwt> all = TokenValidators.all(List.of(TokenValidators.issuer("https://idp.example"),
				TokenValidators.audience(Set.of("inventory")), never));
		assertThat(reason(all, (jwt) -> jwt.issuer("https://other.example")))
			.isEqualTo("The token comes from another issuer");
		assertThat(reason(all, (jwt) -> jwt.issuer("https://idp.example").audience(List.of("billing"))))
			.isEqualTo("The token is not meant for this service");
		assertAccepted(TokenValidators
			.all(List.of(TokenValidators.issuer("https://idp.example"), TokenValidators.audience(Set.of("inventory")))),
				(jwt) -> jwt.issuer("https://idp.example"));
	}

	private static void assertAccepted(OAuth2TokenValidator<Jwt> validator, Consumer<Jwt.Builder> token) {
		OAuth2TokenValidatorResult result = validator.validate(jwt(token));
		assertThat(result.getErrors()).isEmpty();
	}

	private static String reason(OAuth2TokenValidator<Jwt> validator, Consumer<Jwt.Builder> token) {
		OAuth2TokenValidatorResult result = validator.validate(jwt(token));
		assertThat(result.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("invalid_token"));
		OAuth2Error error = result.getErrors().iterator().next();
		return error.getDescription();
	}

	private static Jwt jwt(Consumer<Jwt.Builder> token) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.header("typ", "at+jwt")
			.issuer("https://idp.example")
			.audience(List.of("inventory"))
			.subject("orders");
		token.accept(builder);
		return builder.build();
	}

}
