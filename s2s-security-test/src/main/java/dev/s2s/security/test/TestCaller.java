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
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.s2s.security.caller.CallerType;
import org.jspecify.annotations.Nullable;

/**
 * Who calls in a test: a service, a user or a service acting for a user, with the scopes
 * and roles its token carries. A request post-processor ({@link S2sMockMvc}), a
 * WebTestClient mutator ({@link S2sWebTestClient}) or the negative-test kit
 * ({@link NegativeTests}) turns it into a real token signed by the test's
 * {@link FakeTokenIssuer}, for the application's audience.
 *
 * <pre class="code">
 * import static dev.s2s.security.test.TestCaller.service;
 *
 * mockMvc.perform(get("/stock/1").with(S2sMockMvc.caller(service("order-service").scopes("inventory.read"))))
 * </pre>
 *
 * <p>
 * Instances are immutable; each method returns a new one.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class TestCaller {

	private final CallerType type;

	private final String name;

	private final @Nullable String actingService;

	private final List<String> scopes;

	private final List<String> roles;

	private final @Nullable String audience;

	private final Function<TokenBuilder, String> signer;

	private TestCaller(CallerType type, String name, @Nullable String actingService, List<String> scopes,
			List<String> roles, @Nullable String audience, Function<TokenBuilder, String> signer) {
		this.type = type;
		this.name = name;
		this.actingService = actingService;
		this.scopes = scopes;
		this.roles = roles;
		this.audience = audience;
		this.signer = signer;
	}

	/**
	 * A service calling as itself, with a client-credentials token.
	 * @param serviceId the service's client id
	 * @return the caller
	 */
	public static TestCaller service(String serviceId) {
		return new TestCaller(CallerType.SERVICE, Args.hasText(serviceId, "serviceId"), null, List.of(), List.of(),
				null, TokenBuilder::sign);
	}

	/**
	 * A user, with a token issued to the client {@code web-app}.
	 * @param userId the user's id (the token's {@code sub})
	 * @return the caller
	 */
	public static TestCaller user(String userId) {
		return new TestCaller(CallerType.USER, Args.hasText(userId, "userId"), null, List.of(), List.of(), null,
				TokenBuilder::sign);
	}

	/**
	 * A service acting on behalf of a user, with an RFC 8693 token-exchange token
	 * ({@code act}).
	 * @param userId the user's id (the token's {@code sub})
	 * @param serviceId the acting service's id
	 * @return the caller
	 */
	public static TestCaller delegated(String userId, String serviceId) {
		return new TestCaller(CallerType.DELEGATED, Args.hasText(userId, "userId"),
				Args.hasText(serviceId, "serviceId"), List.of(), List.of(), null, TokenBuilder::sign);
	}

	/**
	 * The scopes the token grants. The default is none.
	 * @param scopes the scopes
	 * @return a caller with these scopes
	 */
	public TestCaller scopes(String... scopes) {
		return new TestCaller(this.type, this.name, this.actingService, List.of(scopes), this.roles, this.audience,
				this.signer);
	}

	/**
	 * The roles the token grants, where the issuer's shape puts roles. The default is
	 * none.
	 * @param roles the roles
	 * @return a caller with these roles
	 */
	public TestCaller roles(String... roles) {
		return new TestCaller(this.type, this.name, this.actingService, this.scopes, List.of(roles), this.audience,
				this.signer);
	}

	/**
	 * The token's audience. The default is the application's: the first audience of the
	 * trusted issuer that is the fake, else its service id.
	 * @param audience the audience
	 * @return a caller whose tokens are for that audience
	 */
	public TestCaller audience(String audience) {
		return new TestCaller(this.type, this.name, this.actingService, this.scopes, this.roles,
				Args.hasText(audience, "audience"), this.signer);
	}

	/**
	 * How the token is made from its builder, to change it or break it, for example
	 * {@code token((token) -> token.bad().expired())} or
	 * {@code token((token) -> token.claim("tenant", "acme").sign())}. The default is
	 * {@link TokenBuilder#sign()}.
	 * @param signer makes the compact token from the prepared builder
	 * @return a caller whose tokens are made that way
	 */
	public TestCaller token(Function<TokenBuilder, String> signer) {
		return new TestCaller(this.type, this.name, this.actingService, this.scopes, this.roles, this.audience,
				Args.notNull(signer, "signer"));
	}

	/**
	 * The token, signed by the issuer.
	 * @param issuer the issuer
	 * @param defaultAudience the audience unless {@link #audience(String)} set one
	 * @return the compact token
	 */
	public String sign(FakeTokenIssuer issuer, String defaultAudience) {
		return this.signer.apply(builder(issuer, defaultAudience));
	}

	TokenBuilder builder(FakeTokenIssuer issuer, String defaultAudience) {
		TokenBuilder builder = switch (this.type) {
			case SERVICE -> issuer.serviceToken(this.name);
			case USER -> issuer.userToken(this.name);
			case DELEGATED -> issuer.delegatedToken(this.name, Objects.requireNonNull(this.actingService));
		};
		return builder.audience((this.audience != null) ? this.audience : defaultAudience)
			.scopes(this.scopes.toArray(String[]::new))
			.roles(this.roles.toArray(String[]::new));
	}

	CallerType type() {
		return this.type;
	}

	/**
	 * The service for a service, the acting service for a delegated caller.
	 */
	@Nullable String serviceId() {
		return switch (this.type) {
			case SERVICE -> this.name;
			case DELEGATED -> this.actingService;
			case USER -> null;
		};
	}

	List<String> grantedScopes() {
		return this.scopes;
	}

	List<String> grantedRoles() {
		return this.roles;
	}

	TestCaller withServiceId(String serviceId) {
		return (this.type == CallerType.SERVICE)
				? new TestCaller(this.type, serviceId, null, this.scopes, this.roles, this.audience, this.signer)
				: new TestCaller(this.type, this.name, serviceId, this.scopes, this.roles, this.audience, this.signer);
	}

	TestCaller without(String scope) {
		List<String> fewer = new ArrayList<>(this.scopes);
		fewer.remove(scope);
		return scopes(fewer.toArray(String[]::new));
	}

	/**
	 * Who calls, names quoted, without scopes and roles: {@code service 'order-service'},
	 * {@code user 'alice'}, {@code user 'alice' via service 'order-service'}.
	 */
	String who() {
		return switch (this.type) {
			case SERVICE -> "service '" + this.name + "'";
			case USER -> "user '" + this.name + "'";
			case DELEGATED -> "user '" + this.name + "' via service '" + this.actingService + "'";
		};
	}

	@Override
	public String toString() {
		String who = switch (this.type) {
			case SERVICE -> "service " + this.name;
			case USER -> "user " + this.name;
			case DELEGATED -> "user " + this.name + " via " + this.actingService;
		};
		return who + (this.scopes.isEmpty() ? "" : " with scopes " + String.join(" ", this.scopes))
				+ (this.roles.isEmpty() ? "" : " with roles " + String.join(" ", this.roles));
	}

}
