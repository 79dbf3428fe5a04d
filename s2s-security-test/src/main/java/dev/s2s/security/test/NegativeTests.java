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
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The standard negative tests of one endpoint, in one call: bad tokens must get 401, and
 * valid tokens of callers the endpoint does not admit 403, each with the
 * {@code WWW-Authenticate} challenge RFC 6750 asks for.
 *
 * <pre class="code">
 * NegativeTests.forEndpoint(HttpMethod.GET, "/stock/1")
 *     .allowing(service("order-service").scopes("inventory.read"))
 *     .run(mockMvc);
 * </pre>
 *
 * <p>
 * The cases, from the first allowed caller's token, each wrong in one way and each named
 * after the rule it probes:
 * <ul>
 * <li>token rule, 401: no token, a malformed token, an expired one, one not yet valid,
 * one from another issuer, one for another audience, {@code alg: none}, HS256 signed with
 * the issuer's public key (algorithm confusion), an unknown key id, a forged signature,
 * an ID token, a numeric {@code sub}, a {@code sub} hiding a control character,
 * {@code sub} twice, a byte-order mark, invalid UTF-8, a hundred audiences, a 1024-bit
 * RSA key;</li>
 * <li>caller rule, 403: a valid token of each kind of caller that is not allowed (a
 * user's on an endpoint for services), and of a service that is not listed;</li>
 * <li>scope rule, 403: each allowed caller without one of its scopes;</li>
 * <li>role rule, 403: each allowed caller without its roles;</li>
 * <li>allowed caller, neither 401 nor 403: each allowed caller, so that an endpoint
 * refusing everyone cannot pass.</li>
 * </ul>
 * No 403 case is derived that another allowed caller admits.
 *
 * <p>
 * The challenges (RFC 6750 section 3): a 401 must carry a {@code Bearer} challenge, with
 * {@code error="invalid_token"} when a token was sent and without any error when none was
 * (section 3.1); when the application serves RFC 9728 protected-resource metadata at
 * {@code /.well-known/oauth-protected-resource} (Spring Security 7.1 does for servlet
 * resource servers), every 401 must name it in {@code resource_metadata}. A 403 for a
 * missing scope must carry {@code error="insufficient_scope"} with a {@code scope}
 * parameter that names the missing scope. Other 403s (a caller of the wrong kind, an
 * unlisted service, a missing role) are not checked for a challenge.
 *
 * <p>
 * All cases run; one {@link AssertionError} names every case that failed, with the rule,
 * the status expected and received and, when the status was right, the challenge expected
 * and received:
 *
 * <pre>
 * GET /stock/1: 1 of 23 negative cases failed:
 *   - scope rule: service 'order-service' without scope 'inventory.read' on GET /stock/1: expected 403 but was 200
 * </pre>
 *
 * Tokens come from the running test's {@link FakeTokenIssuer} (see
 * {@link dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer}). Do not
 * combine with {@link WithServiceCaller @With…Caller}, whose security context would stand
 * in for the tokens.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class NegativeTests {

	private final HttpMethod method;

	private final String path;

	private final List<TestCaller> allowed;

	private final @Nullable String jsonBody;

	private NegativeTests(HttpMethod method, String path, List<TestCaller> allowed, @Nullable String jsonBody) {
		this.method = method;
		this.path = path;
		this.allowed = allowed;
		this.jsonBody = jsonBody;
	}

	/**
	 * The negative tests of an endpoint.
	 * @param method the HTTP method
	 * @param path the path, with query if any, for example {@code /stock/1}
	 * @return the tests, to say who may call
	 */
	public static NegativeTests forEndpoint(HttpMethod method, String path) {
		Args.isTrue(Args.hasText(path, "path").startsWith("/"), "path must start with '/'");
		return new NegativeTests(Args.notNull(method, "method"), path, List.of(), null);
	}

	/**
	 * Who may call the endpoint; what each needs (kind, service, scopes, roles) decides
	 * the 403 cases.
	 * @param caller a caller the endpoint admits
	 * @param more further callers the endpoint admits
	 * @return the tests, ready to run
	 */
	public NegativeTests allowing(TestCaller caller, TestCaller... more) {
		List<TestCaller> callers = new ArrayList<>(this.allowed);
		callers.add(Args.notNull(caller, "caller"));
		callers.addAll(List.of(more));
		return new NegativeTests(this.method, this.path, List.copyOf(callers), this.jsonBody);
	}

	/**
	 * Sends a JSON body with every request, for endpoints that validate it.
	 * @param json the body
	 * @return the tests
	 */
	public NegativeTests jsonBody(String json) {
		return new NegativeTests(this.method, this.path, this.allowed, Args.notNull(json, "json"));
	}

	/**
	 * Runs the cases through MockMvc.
	 * @param mockMvc the test's MockMvc
	 */
	public void run(MockMvc mockMvc) {
		run(new MockMvcTransport(Args.notNull(mockMvc, "mockMvc")));
	}

	/**
	 * Runs the cases through a WebTestClient, bound to the application or to a server.
	 * @param client the test's client
	 */
	public void run(WebTestClient client) {
		run(new WebTestClientTransport(Args.notNull(client, "client")));
	}

	/**
	 * Runs the cases over HTTP against a running server.
	 * @param baseUri the server's address, for example {@code http://127.0.0.1:8080}
	 */
	public void run(URI baseUri) {
		run(new HttpTransport(Args.notNull(baseUri, "baseUri")));
	}

	private void run(Transport transport) {
		Args.isTrue(!this.allowed.isEmpty(), "Say who may call the endpoint with allowing(...)");
		List<NegativeCase> cases = NegativeCase.all(this.method, this.path, this.allowed, ApplicationIssuer.current());
		boolean resourceMetadata = send(transport, HttpMethod.GET, NegativeCase.RESOURCE_METADATA_PATH, null, null)
			.status() == 200;
		List<String> failures = new ArrayList<>();
		for (NegativeCase negative : cases) {
			String failure = negative.failure(send(transport, this.method, this.path, negative.token(), this.jsonBody),
					resourceMetadata);
			if (failure != null) {
				failures.add(negative.name() + ": " + failure);
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(this.method + " " + this.path + ": " + failures.size() + " of " + cases.size()
					+ " negative cases failed:\n  - " + String.join("\n  - ", failures));
		}
	}

	private static Transport.Response send(Transport transport, HttpMethod method, String path, @Nullable String token,
			@Nullable String jsonBody) {
		try {
			return transport.send(method, path, token, jsonBody);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot send " + method + " " + path, ex);
		}
	}

}
