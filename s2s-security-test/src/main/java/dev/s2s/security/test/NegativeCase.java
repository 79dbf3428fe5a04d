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

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

/**
 * One negative test: a token, or none, and the status it must get.
 *
 * @author s2s-security team
 */
record NegativeCase(String name, @Nullable String token, Expected expected) {

	private static final String STRANGER = "negative-test";

	static List<NegativeCase> all(List<TestCaller> allowed, ApplicationIssuer issuer) {
		List<NegativeCase> cases = new ArrayList<>();
		TestCaller base = allowed.get(0);
		BadTokens bad = issuer.builder(base).bad();
		cases.add(unauthorized("no token", null));
		cases.add(unauthorized("malformed token", "not-a-jwt"));
		cases.add(unauthorized("expired token", bad.expired()));
		cases.add(unauthorized("token not yet valid", bad.notYetValid()));
		cases.add(unauthorized("token from another issuer", bad.wrongIssuer()));
		cases.add(unauthorized("token for another audience", bad.wrongAudience()));
		cases.add(unauthorized("unsigned token (alg: none)", bad.algNone()));
		cases.add(unauthorized("HS256 token signed with the public key (algorithm confusion)",
				bad.hs256SignedWithPublicKey()));
		cases.add(unauthorized("token naming an unknown key", bad.unknownKeyId()));
		cases.add(unauthorized("token signed with a foreign key", bad.signedWithForeignKey()));
		cases.add(unauthorized("ID token", bad.idTokenShaped()));
		cases.add(unauthorized("token whose sub is a number", bad.subjectOfWrongType()));
		cases.add(unauthorized("token whose sub hides a control character", bad.controlCharacterInSubject()));
		cases.add(unauthorized("token naming sub twice", bad.duplicateClaim()));
		cases.add(unauthorized("token with a byte-order mark", bad.byteOrderMark()));
		cases.add(unauthorized("token with invalid UTF-8", bad.invalidUtf8()));
		cases.add(unauthorized("token with a hundred audiences", bad.tooManyAudiences()));
		cases.add(unauthorized("token signed with a 1024-bit RSA key", bad.weakRsaKey()));
		for (TestCaller caller : refused(allowed)) {
			cases.add(new NegativeCase(caller + " (not allowed)", issuer.token(caller), Expected.FORBIDDEN));
		}
		for (TestCaller caller : allowed) {
			cases.add(new NegativeCase(caller + " (allowed)", issuer.token(caller), Expected.ALLOWED));
		}
		return cases;
	}

	/**
	 * Callers with valid tokens that no allowed caller admits.
	 */
	private static List<TestCaller> refused(List<TestCaller> allowed) {
		TestCaller base = allowed.get(0);
		List<TestCaller> candidates = new ArrayList<>();
		Set<CallerType> kinds = EnumSet.noneOf(CallerType.class);
		allowed.forEach((caller) -> kinds.add(caller.type()));
		for (CallerType kind : EnumSet.complementOf(EnumSet.copyOf(kinds))) {
			candidates.add(ofKind(kind, base));
		}
		for (TestCaller caller : allowed) {
			if (caller.serviceId() != null) {
				candidates.add(caller.withServiceId(STRANGER + "-service"));
			}
			caller.grantedScopes().forEach((scope) -> candidates.add(caller.without(scope)));
			if (!caller.grantedRoles().isEmpty()) {
				candidates.add(caller.roles());
			}
		}
		Map<String, TestCaller> byName = new LinkedHashMap<>();
		candidates.stream()
			.filter((candidate) -> !admits(allowed, candidate))
			.forEach((candidate) -> byName.putIfAbsent(candidate.toString(), candidate));
		return List.copyOf(byName.values());
	}

	private static TestCaller ofKind(CallerType kind, TestCaller base) {
		String service = (base.serviceId() != null) ? base.serviceId() : STRANGER + "-service";
		TestCaller caller = switch (kind) {
			case SERVICE -> TestCaller.service(service);
			case USER -> TestCaller.user(STRANGER + "-user");
			case DELEGATED -> TestCaller.delegated(STRANGER + "-user", service);
		};
		return caller.scopes(base.grantedScopes().toArray(String[]::new))
			.roles(base.grantedRoles().toArray(String[]::new));
	}

	private static boolean admits(List<TestCaller> allowed, TestCaller candidate) {
		return allowed.stream()
			.anyMatch((caller) -> caller.type() == candidate.type()
					&& Objects.equals(caller.serviceId(), candidate.serviceId())
					&& candidate.grantedScopes().containsAll(caller.grantedScopes()) && (caller.grantedRoles().isEmpty()
							|| !Collections.disjoint(caller.grantedRoles(), candidate.grantedRoles())));
	}

	private static NegativeCase unauthorized(String name, @Nullable String token) {
		return new NegativeCase(name, token, Expected.UNAUTHORIZED);
	}

	enum Expected {

		UNAUTHORIZED("401"), FORBIDDEN("403"), ALLOWED("neither 401 nor 403");

		private final String description;

		Expected(String description) {
			this.description = description;
		}

		boolean matches(int status) {
			return switch (this) {
				case UNAUTHORIZED -> status == 401;
				case FORBIDDEN -> status == 403;
				case ALLOWED -> status != 401 && status != 403;
			};
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
