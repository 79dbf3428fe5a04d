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
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.nimbusds.jose.shaded.gson.Strictness;
import com.nimbusds.jose.shaded.gson.stream.JsonReader;
import com.nimbusds.jose.shaded.gson.stream.JsonToken;
import org.jspecify.annotations.Nullable;

/**
 * The encoding checks of RFC 7515 and RFC 8259 that Nimbus leaves out: the header and the
 * claims set are strict JSON objects in valid UTF-8, without a byte-order mark and
 * without a member name twice (RFC 7515 section 5.2). Nimbus decodes with
 * {@code new String(bytes, UTF_8)}, which silently replaces bad sequences, and parses
 * leniently, so two tokens that differ in such bytes would otherwise be the same token to
 * it, and a duplicate {@code sub} could mean one thing here and another elsewhere. The
 * raw types of the claims {@link ClaimTypes} names are checked here too, before Nimbus
 * converts them. The JSON is read with the streaming reader Nimbus itself ships, in
 * strict mode.
 *
 * @author s2s-security team
 */
final class TokenEncoding {

	private TokenEncoding() {
	}

	/**
	 * What is wrong with a compact JWS's encoding.
	 * @param token the token
	 * @return the problem, or {@code null} when the header and claims are well encoded
	 */
	static @Nullable String problem(String token) {
		int first = token.indexOf('.');
		int second = (first >= 0) ? token.indexOf('.', first + 1) : -1;
		if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
			return "not a compact JWS";
		}
		String header = json(token.substring(0, first));
		if (header == null) {
			return "the header is not strict UTF-8 JSON";
		}
		String claims = json(token.substring(first + 1, second));
		if (claims == null) {
			return "the claims are not strict UTF-8 JSON";
		}
		String problem = duplicateOrInvalid(header, false);
		return (problem != null) ? problem : duplicateOrInvalid(claims, true);
	}

	/**
	 * The decoded segment, if it is valid UTF-8 without a byte-order mark.
	 */
	private static @Nullable String json(String segment) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(segment);
			if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF) {
				return null;
			}
			if (isAscii(bytes)) {
				// Valid UTF-8 as it is, and the common case: no strict decoder needed.
				return new String(bytes, StandardCharsets.ISO_8859_1);
			}
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a string holds an unescaped control character, which RFC 8259 section 7
	 * forbids and Gson's strict mode lets through.
	 */
	private static boolean hasRawControlCharacterInString(String json) {
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (!inString) {
				inString = (c == '"');
			}
			else if (c == '\\') {
				i++; // an escaped character neither ends the string nor is raw
			}
			else if (c == '"') {
				inString = false;
			}
			else if (c < 0x20) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What is wrong with a JSON object: invalid JSON, a duplicate member name, or, in a
	 * claims set, a top-level claim of the wrong raw type (Nimbus would turn a numeric
	 * {@code sub} into a string).
	 */
	private static @Nullable String duplicateOrInvalid(String json, boolean claims) {
		if (hasRawControlCharacterInString(json)) {
			return "not strict JSON";
		}
		try (JsonReader reader = new JsonReader(new StringReader(json))) {
			reader.setStrictness(Strictness.STRICT);
			if (reader.peek() != JsonToken.BEGIN_OBJECT) {
				return "not a JSON object";
			}
			Deque<Set<String>> names = new ArrayDeque<>();
			while (true) {
				JsonToken next = reader.peek();
				switch (next) {
					case BEGIN_OBJECT -> {
						reader.beginObject();
						names.push(new HashSet<>());
					}
					case END_OBJECT -> {
						reader.endObject();
						names.pop();
					}
					case BEGIN_ARRAY -> reader.beginArray();
					case END_ARRAY -> reader.endArray();
					case NAME -> {
						String name = reader.nextName();
						if (!names.peek().add(name)) {
							return "the member '" + name + "' appears twice";
						}
						if (claims && names.size() == 1) {
							String type = ClaimTypes.wrongType(name, reader.peek());
							if (type != null) {
								return type;
							}
						}
					}
					case END_DOCUMENT -> {
						return null;
					}
					default -> reader.skipValue();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return "not strict JSON";
		}
	}

}
