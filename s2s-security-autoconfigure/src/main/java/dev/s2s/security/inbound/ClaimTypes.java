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

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.shaded.gson.stream.JsonToken;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import org.jspecify.annotations.Nullable;

/**
 * Checks the raw JSON types of the claims that identify a caller or bound what it may do,
 * as the token carries them: Spring Security's claim converter would otherwise turn
 * {@code sub: 123} into {@code "123"} before any validator sees it, and a number, array
 * or object is not "close enough" to the string a rule compares.
 *
 * <ul>
 * <li>{@code iss}, {@code sub}, {@code client_id}, {@code azp}, {@code jti} and the other
 * claims presets read to identify a caller are JSON strings without control
 * characters;</li>
 * <li>{@code aud} is a string or an array of at most {@value #MAX_AUDIENCES} strings (no
 * real token names more services);</li>
 * <li>{@code scope} and {@code scp} are a string or an array of at most
 * {@value #MAX_SCOPES} strings;</li>
 * <li>{@code act} is an object whose {@code sub} is a string, nested at most
 * {@value #MAX_ACTORS} deep;</li>
 * <li>{@code exp}, {@code nbf} and {@code iat} are numbers (Nimbus refuses anything else
 * while parsing).</li>
 * </ul>
 *
 * @author s2s-security team
 */
final class ClaimTypes implements JWTClaimsSetVerifier<SecurityContext> {

	static final int MAX_AUDIENCES = 16;

	static final int MAX_SCOPES = 256;

	static final int MAX_ACTORS = 8;

	/** Claims a preset or a rule reads as a caller's or provider's identifier. */
	private static final Set<String> IDENTIFYING = Set.of("iss", "sub", "client_id", "azp", "jti", "cid", "uid", "oid",
			"appid", "tid", "gty", "idtyp", "preferred_username");

	private static final Set<String> NUMERIC = Set.of("exp", "nbf", "iat");

	/**
	 * What is wrong with the raw JSON type of a top-level claim, read before any parser
	 * converts it.
	 * @param name the claim
	 * @param token the JSON type of its value
	 * @return the problem, or {@code null}
	 */
	static @Nullable String wrongType(String name, JsonToken token) {
		if (IDENTIFYING.contains(name) && token != JsonToken.STRING) {
			return "'" + name + "' is not a string";
		}
		if (NUMERIC.contains(name) && token != JsonToken.NUMBER) {
			return "'" + name + "' is not a number";
		}
		return null;
	}

	@Override
	public void verify(JWTClaimsSet claims, @Nullable SecurityContext context) throws BadJWTException {
		Map<String, Object> raw = claims.getClaims();
		for (String name : IDENTIFYING) {
			Object value = raw.get(name);
			if (value != null) {
				identifier(name, value);
			}
		}
		strings("aud", raw.get("aud"), MAX_AUDIENCES);
		strings("scope", raw.get("scope"), MAX_SCOPES);
		strings("scp", raw.get("scp"), MAX_SCOPES);
		actor(raw.get("act"), 0);
	}

	private static void identifier(String name, Object value) throws BadJWTException {
		if (!(value instanceof String text)) {
			throw new BadJWTException("'" + name + "' is not a string");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				throw new BadJWTException("'" + name + "' contains a control character");
			}
		}
	}

	private static void strings(String name, @Nullable Object value, int max) throws BadJWTException {
		if (value == null || value instanceof String) {
			return;
		}
		if (!(value instanceof List<?> values)) {
			throw new BadJWTException("'" + name + "' is neither a string nor an array");
		}
		if (values.size() > max) {
			throw new BadJWTException("'" + name + "' has more than " + max + " values");
		}
		for (Object item : values) {
			if (!(item instanceof String)) {
				throw new BadJWTException("'" + name + "' holds a value that is not a string");
			}
		}
	}

	private static void actor(@Nullable Object act, int depth) throws BadJWTException {
		if (act == null) {
			return;
		}
		if (!(act instanceof Map<?, ?> actor) || depth >= MAX_ACTORS) {
			throw new BadJWTException("'act' is not an object, or nested too deep");
		}
		Object subject = actor.get("sub");
		if (subject != null) {
			identifier("act.sub", subject);
		}
		actor(actor.get("act"), depth + 1);
	}

}
