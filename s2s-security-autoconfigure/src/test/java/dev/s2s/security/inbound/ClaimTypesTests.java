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

import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The claim types checked after parsing, each refusal with its reason.
 */
class ClaimTypesTests {

	private final ClaimTypes types = new ClaimTypes();

	@Test
	void identifiersAreStringsWithoutControlCharacters() {
		accepted(Map.of("sub", "orders", "azp", "web", "jti", "1"));
		refused(Map.of("sub", 42), "'sub' is not a string");
		refused(Map.of("client_id", List.of("orders")), "'client_id' is not a string");
		refused(Map.of("azp", "web\u0000"), "'azp' contains a control character");
		refused(Map.of("jti", "a\u001fb"), "'jti' contains a control character");
		refused(Map.of("client_id", "del\u007f"), "'client_id' contains a control character");
		accepted(Map.of("sub", " ~\u0080\u00e9"));
	}

	@Test
	void audiencesAreAStringOrABoundedArrayOfStrings() {
		accepted(Map.of("aud", "inventory"));
		accepted(Map.of("aud", Collections.nCopies(ClaimTypes.MAX_AUDIENCES, "inventory")));
		refused(Map.of("aud", Collections.nCopies(ClaimTypes.MAX_AUDIENCES + 1, "inventory")),
				"'aud' has more than 16 values");
		refused(Map.of("aud", List.of("inventory", 7)), "'aud' holds a value that is not a string");
		refused(Map.of("aud", Map.of("inventory", true)), "'aud' is neither a string nor an array");
	}

	@Test
	void scopesAreAStringOrABoundedArrayOfStrings() {
		accepted(Map.of("scope", "a b", "scp", List.of("a", "b")));
		accepted(Map.of("scp", Collections.nCopies(ClaimTypes.MAX_SCOPES, "a")));
		refused(Map.of("scp", Collections.nCopies(ClaimTypes.MAX_SCOPES + 1, "a")), "'scp' has more than 256 values");
		refused(Map.of("scope", List.of(1)), "'scope' holds a value that is not a string");
	}

	@Test
	void actorsAreObjectsWithStringSubjectsNestedBoundedly() {
		accepted(Map.of("act", Map.of("sub", "gateway", "act", Map.of("sub", "edge"))));
		accepted(Map.of("act", actors(ClaimTypes.MAX_ACTORS)));
		refused(Map.of("act", actors(ClaimTypes.MAX_ACTORS + 1)), "'act' is not an object, or nested too deep");
		refused(Map.of("act", "gateway"), "'act' is not an object, or nested too deep");
		refused(Map.of("act", Map.of("sub", 1)), "'act.sub' is not a string");
		refused(Map.of("act", Map.of("sub", "gateway", "act", Map.of("sub", List.of("edge")))),
				"'act.sub' is not a string");
		refused(Map.of("act", Map.of("sub", "gateway", "act", Map.of("sub", "edge\n"))),
				"'act.sub' contains a control character");
	}

	/** {@code depth} nested actors, the innermost without a further {@code act}. */
	private static Map<String, Object> actors(int depth) {
		Map<String, Object> actor = Map.of("sub", "actor-" + depth);
		for (int i = depth - 1; i > 0; i--) {
			actor = Map.of("sub", "actor-" + i, "act", actor);
		}
		return actor;
	}

	private void accepted(Map<String, Object> claims) {
		assertThatNoException().isThrownBy(() -> this.types.verify(claims(claims), null));
	}

	private void refused(Map<String, Object> claims, String reason) {
		assertThatExceptionOfType(BadJWTException.class).isThrownBy(() -> this.types.verify(claims(claims), null))
			.withMessage(reason);
	}

	/**
	 * The claims as given: parsing would already refuse or convert some of these types,
	 * which this check must not rely on.
	 */
	private static JWTClaimsSet claims(Map<String, Object> claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach(builder::claim);
		return builder.build();
	}

}
