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

package dev.s2s.security.test;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Bearer} challenge of a response's {@code WWW-Authenticate} headers (RFC 9110
 * section 11.6.1, RFC 6750 section 3): its auth-params, names compared without case.
 * Headers may hold several challenges, and a response several headers; the first
 * {@code Bearer} challenge counts.
 *
 * @author s2s-security team
 */
final class BearerChallenge {

	private final Map<String, String> parameters;

	private final Set<String> repeated;

	private BearerChallenge(Map<String, String> parameters, Set<String> repeated) {
		this.parameters = parameters;
		this.repeated = repeated;
	}

	/**
	 * The first {@code Bearer} challenge of the headers.
	 * @param headers the values of the {@code WWW-Authenticate} headers
	 * @return the challenge, or {@code null} when none is a {@code Bearer} challenge
	 */
	static @Nullable BearerChallenge find(List<String> headers) {
		for (String header : headers) {
			BearerChallenge challenge = new Parser(header).bearer();
			if (challenge != null) {
				return challenge;
			}
		}
		return null;
	}

	/**
	 * An auth-param's value, unquoted.
	 * @param name the parameter's name, in any case
	 * @return the value, or {@code null} when the challenge has no such parameter
	 */
	@Nullable String parameter(String name) {
		return this.parameters.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Parameters that appear more than once, which RFC 6750 forbids.
	 * @return their names, in lower case
	 */
	Set<String> repeated() {
		return this.repeated;
	}

	private static final class Parser {

		private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

		private final String text;

		private int position;

		Parser(String text) {
			this.text = text;
		}

		@Nullable BearerChallenge bearer() {
			boolean inBearer = false;
			Map<String, String> parameters = new LinkedHashMap<>();
			Set<String> repeated = new LinkedHashSet<>();
			while (true) {
				skip(", \t");
				String token = token();
				if (token.isEmpty()) {
					break;
				}
				skip(" \t");
				if (peek() == '=' && !skipToken68Padding()) {
					this.position++;
					skip(" \t");
					String value = value();
					if (inBearer && parameters.putIfAbsent(token.toLowerCase(Locale.ROOT), value) != null) {
						repeated.add(token.toLowerCase(Locale.ROOT));
					}
				}
				else if (inBearer) {
					break; // the next challenge (a Bearer challenge has no token68)
				}
				else {
					inBearer = token.equalsIgnoreCase("Bearer");
				}
			}
			return inBearer ? new BearerChallenge(parameters, repeated) : null;
		}

		/**
		 * Skips the {@code =} padding of a token68 (as in {@code Basic dXNlcg==}): equals
		 * signs followed by the end or a comma, not by a parameter's value.
		 * @return whether there was such padding
		 */
		private boolean skipToken68Padding() {
			int end = this.position;
			while (end < this.text.length() && this.text.charAt(end) == '=') {
				end++;
			}
			int next = end;
			while (next < this.text.length() && (this.text.charAt(next) == ' ' || this.text.charAt(next) == '\t')) {
				next++;
			}
			if (next < this.text.length() && this.text.charAt(next) != ',') {
				return false;
			}
			this.position = next;
			return true;
		}

		private String value() {
			if (peek() != '"') {
				return token();
			}
			StringBuilder value = new StringBuilder();
			this.position++;
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position++);
				if (c == '"') {
					return value.toString();
				}
				if (c == '\\' && this.position < this.text.length()) {
					c = this.text.charAt(this.position++);
				}
				value.append(c);
			}
			return value.toString(); // unterminated: what there is
		}

		private String token() {
			int start = this.position;
			while (this.position < this.text.length() && isTokenChar(this.text.charAt(this.position))) {
				this.position++;
			}
			return this.text.substring(start, this.position);
		}

		private static boolean isTokenChar(char c) {
			return c > 0x20 && c < 0x7F && SEPARATORS.indexOf(c) < 0;
		}

		private void skip(String characters) {
			while (this.position < this.text.length() && characters.indexOf(this.text.charAt(this.position)) >= 0) {
				this.position++;
			}
		}

		private char peek() {
			return (this.position < this.text.length()) ? this.text.charAt(this.position) : 0;
		}

	}

}
