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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One negative test: a token, or none, the rule it probes, and the answer it must get.
 *
 * @param name the rule the case probes and how, e.g.
 * {@code scope rule: service 'order-service' without scope 'inventory.read' on GET /stock/1}
 * @param token the token to send, or {@code null} for none
 * @param expected the answer it must get
 * @param missingScope the scope the token lacks, for a case that must get
 * {@code insufficient_scope}
 * @author s2s-security team
 */
record NegativeCase(String name, @Nullable String token, Expected expected, @Nullable String missingScope) {

	private static final String STRANGER = "negative-test";

	/**
	 * Where RFC 9728 protected-resource metadata is served, and so where the
	 * {@code resource_metadata} of a 401 must point.
	 */
	static final String RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";

	static List<NegativeCase> all(HttpMethod method, String path, List<TestCaller> allowed, ApplicationIssuer issuer) {
		String on = " on " + method + " " + path;
		List<NegativeCase> cases = new ArrayList<>();
		TestCaller base = allowed.get(0);
		BadTokens bad = issuer.builder(base).bad();
		cases.add(new NegativeCase("token rule: no token" + on, null, Expected.NO_TOKEN, null));
		cases.add(invalid("malformed token", on, "not-a-jwt"));
		cases.add(invalid("expired token", on, bad.expired()));
		cases.add(invalid("token not yet valid", on, bad.notYetValid()));
		cases.add(invalid("token from another issuer", on, bad.wrongIssuer()));
		cases.add(invalid("token for another audience", on, bad.wrongAudience()));
		cases.add(invalid("unsigned token (alg: none)", on, bad.algNone()));
		cases.add(invalid("HS256 token signed with the public key (algorithm confusion)", on,
				bad.hs256SignedWithPublicKey()));
		cases.add(invalid("token naming an unknown key", on, bad.unknownKeyId()));
		cases.add(invalid("token signed with a foreign key", on, bad.signedWithForeignKey()));
		cases.add(invalid("ID token", on, bad.idTokenShaped()));
		cases.add(invalid("token whose sub is a number", on, bad.subjectOfWrongType()));
		cases.add(invalid("token whose sub hides a control character", on, bad.controlCharacterInSubject()));
		cases.add(invalid("token naming sub twice", on, bad.duplicateClaim()));
		cases.add(invalid("token with a byte-order mark", on, bad.byteOrderMark()));
		cases.add(invalid("token with invalid UTF-8", on, bad.invalidUtf8()));
		cases.add(invalid("token with a hundred audiences", on, bad.tooManyAudiences()));
		cases.add(invalid("token signed with a 1024-bit RSA key", on, bad.weakRsaKey()));
		for (Refusal refusal : refused(allowed)) {
			cases.add(new NegativeCase(refusal.rule() + on, issuer.token(refusal.caller()),
					(refusal.missingScope() != null) ? Expected.INSUFFICIENT_SCOPE : Expected.FORBIDDEN,
					refusal.missingScope()));
		}
		for (TestCaller caller : allowed) {
			cases.add(new NegativeCase("allowed caller: " + describe(caller) + on, issuer.token(caller),
					Expected.ALLOWED, null));
		}
		return cases;
	}

	/**
	 * Callers with valid tokens that no allowed caller admits, each with the rule that
	 * must refuse it.
	 */
	private static List<Refusal> refused(List<TestCaller> allowed) {
		TestCaller base = allowed.get(0);
		List<Refusal> candidates = new ArrayList<>();
		Set<CallerType> kinds = EnumSet.noneOf(CallerType.class);
		allowed.forEach((caller) -> kinds.add(caller.type()));
		for (CallerType kind : EnumSet.complementOf(EnumSet.copyOf(kinds))) {
			TestCaller caller = ofKind(kind, base);
			candidates.add(new Refusal(caller, "caller rule: " + describe(caller) + " is not an allowed kind of caller",
					null));
		}
		for (TestCaller caller : allowed) {
			if (caller.serviceId() != null) {
				TestCaller stranger = caller.withServiceId(STRANGER + "-service");
				candidates.add(new Refusal(stranger, "caller rule: " + describe(stranger) + " is not listed", null));
			}
			for (String scope : caller.grantedScopes()) {
				TestCaller without = caller.without(scope);
				candidates.add(new Refusal(without, "scope rule: " + describe(without)
						+ (without.grantedScopes().isEmpty() ? " without" : " but without") + " scope '" + scope + "'",
						scope));
			}
			if (!caller.grantedRoles().isEmpty()) {
				TestCaller roleless = caller.roles();
				candidates.add(new Refusal(roleless,
						"role rule: " + describe(roleless)
								+ (roleless.grantedScopes().isEmpty() ? " without" : " but without")
								+ " any of the roles " + quoted(caller.grantedRoles()),
						null));
			}
		}
		Map<String, Refusal> byCaller = new LinkedHashMap<>();
		candidates.stream()
			.filter((candidate) -> !admits(allowed, candidate.caller()))
			.forEach((candidate) -> byCaller.putIfAbsent(candidate.caller().toString(), candidate));
		return List.copyOf(byCaller.values());
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

	private static NegativeCase invalid(String token, String on, @Nullable String compact) {
		return new NegativeCase("token rule: " + token + on, compact, Expected.INVALID_TOKEN, null);
	}

	/**
	 * The caller with what its token grants, e.g.
	 * {@code service 'order-service' with scope 'inventory.read'}.
	 */
	private static String describe(TestCaller caller) {
		List<String> scopes = caller.grantedScopes();
		List<String> roles = caller.grantedRoles();
		String grants = (scopes.isEmpty() ? "" : " with scope" + ((scopes.size() > 1) ? "s " : " ") + quoted(scopes))
				+ (roles.isEmpty() ? "" : (scopes.isEmpty() ? " with role" : " and role")
						+ ((roles.size() > 1) ? "s " : " ") + quoted(roles));
		return caller.who() + grants;
	}

	private static String quoted(List<String> values) {
		return values.stream().map((value) -> "'" + value + "'").collect(Collectors.joining(", "));
	}

	/**
	 * What is wrong with a response to this case.
	 * @param response the response
	 * @param resourceMetadata whether the application serves RFC 9728 metadata, which a
	 * 401 must then name
	 * @return what the case expected and what came instead, or {@code null} when the
	 * response is right
	 */
	@Nullable String failure(Transport.Response response, boolean resourceMetadata) {
		int status = response.status();
		if (!this.expected.matches(status)) {
			return "expected " + this.expected + " but was " + status;
		}
		if (!this.expected.challenged()) {
			return null;
		}
		List<String> headers = response.wwwAuthenticate();
		BearerChallenge challenge = BearerChallenge.find(headers);
		List<String> problems = (challenge != null) ? problems(challenge, resourceMetadata)
				: List.of("no Bearer challenge");
		if (problems.isEmpty()) {
			return null;
		}
		String expectation = "expected " + this.expected + " with WWW-Authenticate: " + challenge(resourceMetadata);
		if (headers.isEmpty()) {
			return expectation + " but was " + status + " without WWW-Authenticate";
		}
		return expectation + " but was " + status + " with WWW-Authenticate: " + String.join(" | ", headers) + " ("
				+ String.join("; ", problems) + ")";
	}

	/**
	 * The challenge this case must get, as the failure message shows it.
	 */
	private String challenge(boolean resourceMetadata) {
		String metadata = resourceMetadata ? "resource_metadata=\"…" + RESOURCE_METADATA_PATH + "\"" : "";
		return switch (this.expected) {
			case NO_TOKEN -> "Bearer" + (resourceMetadata ? " " + metadata : "")
					+ " and no error, since no token was sent (RFC 6750 section 3.1)";
			case INVALID_TOKEN -> "Bearer error=\"invalid_token\"" + (resourceMetadata ? ", " + metadata : "");
			case INSUFFICIENT_SCOPE ->
				"Bearer error=\"insufficient_scope\" with a scope parameter naming '" + this.missingScope + "'";
			case FORBIDDEN, ALLOWED -> throw new IllegalStateException("No challenge is checked for " + this.expected);
		};
	}

	private List<String> problems(BearerChallenge challenge, boolean resourceMetadata) {
		List<String> problems = new ArrayList<>();
		challenge.repeated().forEach((name) -> problems.add(name + " appears more than once"));
		String error = challenge.parameter("error");
		switch (this.expected) {
			case NO_TOKEN -> {
				for (String name : List.of("error", "error_description", "error_uri")) {
					if (challenge.parameter(name) != null) {
						problems.add(name + " although no token was sent");
					}
				}
				resourceMetadata(challenge, resourceMetadata, problems);
			}
			case INVALID_TOKEN -> {
				expectError("invalid_token", error, problems);
				resourceMetadata(challenge, resourceMetadata, problems);
			}
			case INSUFFICIENT_SCOPE -> {
				expectError("insufficient_scope", error, problems);
				String scope = challenge.parameter("scope");
				if (scope == null) {
					problems.add("no scope parameter");
				}
				else if (!List.of(scope.split(" ")).contains(this.missingScope)) {
					problems.add("scope \"" + scope + "\" does not name '" + this.missingScope + "'");
				}
			}
			case FORBIDDEN, ALLOWED -> {
			}
		}
		return problems;
	}

	private static void expectError(String expected, @Nullable String error, List<String> problems) {
		if (error == null) {
			problems.add("no error parameter");
		}
		else if (!error.equals(expected)) {
			problems.add("error \"" + error + "\" instead of \"" + expected + "\"");
		}
	}

	private static void resourceMetadata(BearerChallenge challenge, boolean required, List<String> problems) {
		String metadata = challenge.parameter("resource_metadata");
		if (metadata == null) {
			if (required) {
				problems
					.add("no resource_metadata parameter, although the application serves " + RESOURCE_METADATA_PATH);
			}
		}
		else if (!isMetadataAddress(metadata)) {
			problems.add("resource_metadata is not the absolute address of " + RESOURCE_METADATA_PATH);
		}
	}

	private static boolean isMetadataAddress(String value) {
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() && uri.getRawPath() != null && uri.getRawPath().contains(RESOURCE_METADATA_PATH);
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * A valid token the endpoint must refuse.
	 *
	 * @param caller whose token
	 * @param rule the rule that must refuse it, as the failure message names it
	 * @param missingScope the scope it lacks, for a scope rule
	 */
	private record Refusal(TestCaller caller, String rule, @Nullable String missingScope) {
	}

	/**
	 * The answer a case must get.
	 */
	enum Expected {

		/**
		 * 401 with a {@code Bearer} challenge without error.
		 */
		NO_TOKEN("401", true),

		/**
		 * 401 with {@code error="invalid_token"}.
		 */
		INVALID_TOKEN("401", true),

		/**
		 * 403 with {@code error="insufficient_scope"} and the scope.
		 */
		INSUFFICIENT_SCOPE("403", true),

		/**
		 * 403, challenge or not: another token of the same caller would not help.
		 */
		FORBIDDEN("403", false),

		/**
		 * Anything but 401 and 403.
		 */
		ALLOWED("neither 401 nor 403", false);

		private final String description;

		private final boolean challenged;

		Expected(String description, boolean challenged) {
			this.description = description;
			this.challenged = challenged;
		}

		boolean matches(int status) {
			return switch (this) {
				case NO_TOKEN, INVALID_TOKEN -> status == 401;
				case INSUFFICIENT_SCOPE, FORBIDDEN -> status == 403;
				case ALLOWED -> status != 401 && status != 403;
			};
		}

		/**
		 * Whether the {@code WWW-Authenticate} challenge is checked.
		 */
		boolean challenged() {
			return this.challenged;
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
