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

package dev.s2s.security.test.assertj;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSObject;
import dev.s2s.security.test.FakeTokenIssuer;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on a bearer token, a signed JWT: its claims, decoded, and its
 * signature. Obtain from {@link TargetRequestAssert#bearerToken()} or with
 * {@link S2sAssertions#assertThatBearerToken(String)}; as a string assertion it also
 * compares the token itself ({@code isEqualTo(token)}).
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class BearerTokenAssert extends AbstractStringAssert<BearerTokenAssert> {

	BearerTokenAssert(@Nullable String token) {
		super(token, BearerTokenAssert.class);
	}

	/**
	 * Verifies the {@code iss} claim.
	 * @param issuer the expected issuer
	 * @return this assertion
	 */
	public BearerTokenAssert hasIssuer(String issuer) {
		return hasClaim("iss", issuer);
	}

	/**
	 * Verifies the {@code sub} claim.
	 * @param subject the expected subject
	 * @return this assertion
	 */
	public BearerTokenAssert hasSubject(String subject) {
		return hasClaim("sub", subject);
	}

	/**
	 * Verifies that the {@code aud} claim (a string or a list) names exactly these
	 * audiences, in any order.
	 * @param audiences the expected audiences
	 * @return this assertion
	 */
	public BearerTokenAssert hasAudience(String... audiences) {
		Set<String> actual = new TreeSet<>(strings(claimsOf().get("aud"), false));
		if (!actual.equals(new TreeSet<>(List.of(audiences)))) {
			failWithMessage("Expected the token's audience to be %s but was %s", List.of(audiences), actual);
		}
		return this;
	}

	/**
	 * Verifies that the token grants all these scopes, in {@code scope} (a
	 * space-separated string) or {@code scp} (a list or a string).
	 * @param scopes the expected scopes
	 * @return this assertion
	 */
	public BearerTokenAssert hasScope(String... scopes) {
		Map<String, Object> claims = claimsOf();
		List<String> granted = strings(claims.containsKey("scope") ? claims.get("scope") : claims.get("scp"), true);
		List<String> missing = Stream.of(scopes).filter((scope) -> !granted.contains(scope)).toList();
		if (!missing.isEmpty()) {
			failWithMessage("Expected the token to grant %s but %s missing from %s", List.of(scopes), missing, granted);
		}
		return this;
	}

	/**
	 * Verifies one claim. Numbers are compared by value, so {@code hasClaim("exp", 17)}
	 * matches a claim read as a {@code Long}; JSON objects are maps and arrays lists.
	 * @param name the claim name
	 * @param value the expected value
	 * @return this assertion
	 */
	public BearerTokenAssert hasClaim(String name, Object value) {
		Assertions.assertThat(value).as("expected value of claim '%s'", name).isNotNull();
		Map<String, Object> claims = claimsOf();
		Object actual = claims.get(name);
		boolean equal = (actual instanceof Number number && value instanceof Number expected)
				? new BigDecimal(number.toString()).compareTo(new BigDecimal(expected.toString())) == 0
				: Objects.equals(actual, value);
		if (!equal) {
			failWithMessage("Expected the token's claim '%s' to be <%s> but was <%s>%s", name, value, actual,
					claims.containsKey(name) ? "" : " (absent)");
		}
		return this;
	}

	/**
	 * Assertions on all claims, decoded (not verified).
	 * @return assertions on the claims
	 */
	public MapAssert<String, Object> claims() {
		return Assertions.assertThat(claimsOf());
	}

	/**
	 * Verifies that the token is signed by a key the issuer publishes: fetches its JWKS
	 * over HTTP, as a resource server would, and checks the signature with the key of the
	 * token's {@code kid}. Times and audience are not checked; use the claim assertions
	 * for those.
	 * @param issuer the issuer
	 * @return this assertion
	 */
	public BearerTokenAssert isSignedBy(FakeTokenIssuer issuer) {
		Assertions.assertThat(issuer).as("issuer").isNotNull();
		String problem = Jwks.verify(jws(), issuer.jwksUri());
		if (problem != null) {
			failWithMessage("Expected the token to be signed by %s but %s", issuer, problem);
		}
		return this;
	}

	private Map<String, Object> claimsOf() {
		Map<String, Object> claims = jws().getPayload().toJSONObject();
		if (claims == null) {
			failWithMessage("Expected a JWT whose payload is a JSON object");
		}
		return claims;
	}

	private JWSObject jws() {
		isNotNull();
		try {
			return JWSObject.parse(this.actual);
		}
		catch (ParseException ex) {
			failWithMessage("Expected a signed JWT but the token is not one: %s", ex.getMessage());
			throw new AssertionError(ex);
		}
	}

	private static List<String> strings(@Nullable Object value, boolean spaceSeparated) {
		if (value instanceof String string) {
			return spaceSeparated ? Arrays.asList(string.trim().split(" +")) : List.of(string);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
