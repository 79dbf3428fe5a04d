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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * The checks s2s-security adds to Spring Security's validators. Each failure is an
 * {@code invalid_token} error (RFC 6750 section 3.1).
 *
 * @author s2s-security team
 */
final class TokenValidators {

	private static final String RFC6750 = "https://datatracker.ietf.org/doc/html/rfc6750#section-3.1";

	/**
	 * Header types of access tokens: RFC 9068, and the plain JWT that Keycloak, Entra ID
	 * and Auth0 use.
	 */
	private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt", "jwt",
			"application/jwt");

	/** Claims only ID tokens carry (OpenID Connect Core 1.0 section 2 and 3.3.2.11). */
	private static final List<String> ID_TOKEN_CLAIMS = List.of("nonce", "at_hash", "c_hash", "s_hash");

	private TokenValidators() {
	}

	/**
	 * Time checks, which also run on every use of a cached token: {@code exp} required
	 * and not passed, {@code nbf} and {@code iat} not in the future, and a bounded
	 * lifetime.
	 */
	static OAuth2TokenValidator<Jwt> time(Duration clockSkew, Duration maxLifetime, Clock clock) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(clock);
		// Not Spring's JwtIssuedAtValidator: it is made for DPoP proofs and refuses any
		// token issued more than the skew ago.
		return all(List.<OAuth2TokenValidator<Jwt>>of(timestamps, (jwt) -> issuedInThePast(jwt, clockSkew, clock),
				(jwt) -> lifetime(jwt, maxLifetime, clock)));
	}

	/**
	 * Whether the token is an access token: ID tokens, refresh tokens, logout tokens and
	 * other JWTs a caller might replay are refused.
	 */
	static OAuth2TokenValidatorResult accessToken(Jwt jwt) {
		Object type = jwt.getHeaders().get("typ");
		if (type != null && !ACCESS_TOKEN_TYPES.contains(type.toString().toLowerCase(Locale.ROOT))) {
			return failure("The token is not an access token");
		}
		Map<String, Object> claims = jwt.getClaims();
		if (ID_TOKEN_CLAIMS.stream().anyMatch(claims::containsKey)) {
			return failure("ID tokens are not accepted as access tokens");
		}
		if (claims.containsKey("events")) {
			return failure("Security event and logout tokens are not accepted");
		}
		// Keycloak names the kind of token in the payload: Bearer, ID, Refresh, Logout...
		Object keycloakType = claims.get("typ");
		if (keycloakType != null && !"bearer".equalsIgnoreCase(keycloakType.toString())) {
			return failure("The token is not an access token");
		}
		Object cognitoUse = claims.get("token_use");
		if (cognitoUse != null && !"access".equals(cognitoUse)) {
			return failure("The token is not an access token");
		}
		return OAuth2TokenValidatorResult.success();
	}

	/**
	 * The RFC 9068 section 4 header check, for issuers that set {@code typ: at+jwt}.
	 */
	static OAuth2TokenValidator<Jwt> atJwtType() {
		return new JwtTypeValidator("at+jwt", "application/at+jwt");
	}

	static OAuth2TokenValidator<Jwt> audience(Set<String> accepted) {
		return (jwt) -> {
			List<String> audience = jwt.getAudience();
			if (audience != null && audience.stream().anyMatch(accepted::contains)) {
				return OAuth2TokenValidatorResult.success();
			}
			return failure("The token is not meant for this service");
		};
	}

	static OAuth2TokenValidator<Jwt> issuer(String issuer) {
		return (jwt) -> issuer.equals(jwt.getClaimAsString(JwtClaimNames.ISS)) ? OAuth2TokenValidatorResult.success()
				: failure("The token comes from another issuer");
	}

	static OAuth2TokenValidator<Jwt> all(Collection<? extends OAuth2TokenValidator<Jwt>> validators) {
		List<OAuth2TokenValidator<Jwt>> list = List.copyOf(validators);
		return (jwt) -> {
			for (OAuth2TokenValidator<Jwt> validator : list) {
				OAuth2TokenValidatorResult result = validator.validate(jwt);
				if (result.hasErrors()) {
					return result; // the first reason is enough, and stops at the
									// cheapest
				}
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult issuedInThePast(Jwt jwt, Duration clockSkew, Clock clock) {
		Instant issuedAt = jwt.getIssuedAt();
		if (issuedAt != null && issuedAt.isAfter(clock.instant().plus(clockSkew))) {
			return failure("The token is issued in the future");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult lifetime(Jwt jwt, Duration maxLifetime, Clock clock) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return failure("The token has no expiry");
		}
		Instant start = first(jwt.getIssuedAt(), jwt.getNotBefore(), clock.instant());
		if (Duration.between(start, expiresAt).compareTo(maxLifetime) > 0) {
			return failure("The token lives longer than this service accepts");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static Instant first(@Nullable Instant issuedAt, @Nullable Instant notBefore, Instant now) {
		return (issuedAt != null) ? issuedAt : (notBefore != null) ? notBefore : now;
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, RFC6750));
	}

}
