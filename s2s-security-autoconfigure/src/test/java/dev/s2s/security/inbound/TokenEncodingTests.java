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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoding problems a token is refused for before its signature is even checked, each
 * with its own reason.
 */
class TokenEncodingTests {

	private static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";

	private static final String CLAIMS = "{\"sub\":\"orders\",\"aud\":[\"inventory\"],\"exp\":1,\"act\":{\"sub\":\"x\"}}";

	@Test
	void aWellEncodedTokenHasNoProblem() {
		assertThat(TokenEncoding.problem(token(HEADER, CLAIMS))).isNull();
	}

	@Test
	void notThreeSegments() {
		assertThat(TokenEncoding.problem("abc")).isEqualTo("not a compact JWS");
		assertThat(TokenEncoding.problem("abc.def")).isEqualTo("not a compact JWS");
		assertThat(TokenEncoding.problem(token(HEADER, CLAIMS) + ".extra")).isEqualTo("not a compact JWS");
	}

	@Test
	void notStrictUtf8() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}' };
		byte[] invalid = { '{', '"', 's', '"', ':', '"', (byte) 0xC3, '"', '}' };
		assertThat(TokenEncoding.problem(encode(bom) + "." + encode(CLAIMS) + ".sig"))
			.isEqualTo("the header is not strict UTF-8 JSON");
		assertThat(TokenEncoding.problem(encode(HEADER) + "." + encode(invalid) + ".sig"))
			.isEqualTo("the claims are not strict UTF-8 JSON");
		assertThat(TokenEncoding.problem("not*base64." + encode(CLAIMS) + ".sig"))
			.isEqualTo("the header is not strict UTF-8 JSON");
		// Two bytes of a byte-order mark are just (invalid) text, not a mark.
		assertThat(TokenEncoding.problem(encode(new byte[] { (byte) 0xEF, (byte) 0xBB }) + "." + encode(CLAIMS) + ".s"))
			.isEqualTo("the header is not strict UTF-8 JSON");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "none", textBlock = """
			[1]                                        | not a JSON object
			{'sub':'orders'}                           | not strict JSON
			{"sub":"orders",}                          | not strict JSON
			{"sub":"orders"                            | not strict JSON
			{"sub":"orders","sub":"admin"}             | the member 'sub' appears twice
			{"act":{"sub":"a","sub":"b"}}              | the member 'sub' appears twice
			{"sub":"orders","act":{"sub":"a"},"x":[{"sub":"a"}]} | none
			{"sub":42}                                 | 'sub' is not a string
			{"client_id":["orders"]}                   | 'client_id' is not a string
			{"exp":"1700000000"}                       | 'exp' is not a number
			{"other":{"exp":"nested claims are not top-level"}} | none
			""")
	void claims(String claims, @Nullable String problem) {
		assertThat(TokenEncoding.problem(token(HEADER, claims))).isEqualTo(problem);
	}

	@Test
	void anEmptyHeaderIsThreeSegmentsWithABadHeader() {
		assertThat(TokenEncoding.problem("." + encode(CLAIMS) + ".sig")).isEqualTo("not strict JSON");
		assertThat(TokenEncoding.problem(encode(HEADER) + "..sig")).isEqualTo("not strict JSON");
	}

	@Test
	void aSegmentThatIsOnlyAByteOrderMarkIsRefused() {
		assertThat(TokenEncoding
			.problem(encode(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }) + "." + encode(CLAIMS) + ".sig"))
			.isEqualTo("the header is not strict UTF-8 JSON");
	}

	@Test
	void wellFormedNonAsciiTextIsAccepted() {
		assertThat(TokenEncoding.problem(token(HEADER, "{\"sub\":\"Zo\u00eb \u2603 \ud83d\ude00\"}"))).isNull();
	}

	@Test
	void whatGsonLetsThroughIsRefused() {
		assertThat(TokenEncoding.problem(token(HEADER, "{\"sub\":\"a\\'b\"}"))).isEqualTo("not strict JSON");
		assertThat(TokenEncoding.problem(token(HEADER, "{\"scope\":\"a\u0001b\"}"))).isEqualTo("not strict JSON");
		assertThat(TokenEncoding.problem(token(HEADER, "{\"scope\":\"a\nb\"}"))).isEqualTo("not strict JSON");
		assertThat(TokenEncoding.problem(token("{\"alg\":\"RS256\",\"kid\":\"k\u001f\"}", CLAIMS)))
			.isEqualTo("not strict JSON");
		// Escaped, they are valid JSON (the claim checks decide on the value), as is
		// whitespace between members.
		assertThat(TokenEncoding.problem(token(HEADER, "{\"scope\":\"a\\u0001\\n\\\"\\\\b\"}"))).isNull();
		assertThat(TokenEncoding.problem(token(HEADER, "{\n\t\"scope\" :\r\n\"a\"}"))).isNull();
	}

	@Test
	void aDuplicateHeaderParameter() {
		assertThat(TokenEncoding.problem(token("{\"alg\":\"RS256\",\"alg\":\"none\"}", CLAIMS)))
			.isEqualTo("the member 'alg' appears twice");
	}

	@Test
	void headerParametersAreNotClaims() {
		assertThat(TokenEncoding.problem(token("{\"alg\":\"RS256\",\"sub\":1}", CLAIMS))).isNull();
	}

	private static String token(String header, String claims) {
		return encode(header) + "." + encode(claims) + ".signature";
	}

	private static String encode(String json) {
		return encode(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
