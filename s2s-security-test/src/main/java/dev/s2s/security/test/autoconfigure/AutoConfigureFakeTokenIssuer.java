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

package dev.s2s.security.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.NegativeTests;
import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.S2sMockMvc;
import dev.s2s.security.test.S2sWebTestClient;
import dev.s2s.security.test.SigningAlgorithm;
import dev.s2s.security.test.WithServiceCaller;

/**
 * Starts a {@link FakeTokenIssuer} for a Spring test and points the application at it
 * before its context starts. The issuer is a bean, so the test can inject it:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureFakeTokenIssuer
 * class InventoryTests {
 *
 *     &#64;Autowired
 *     FakeTokenIssuer issuer;
 *
 * }
 * </pre>
 *
 * <p>
 * The application's first trusted issuer ({@code s2s.security.inbound.issuers[0]}) gets
 * the fake's {@code issuer-uri}; its other settings (audiences, delegating clients, claim
 * names) are kept, a {@code jwk-set-uri} is dropped, and JWKS refetches are allowed every
 * 100 ms.
 *
 * <p>
 * When the application sends service tokens (it configures a {@code token-uri}, an
 * {@code issuer-uri} or a target under {@code s2s.security.outbound}), its
 * {@code token-uri} (or {@code issuer-uri}, if that is what it configures) points to the
 * fake, and the fake knows the application's client: its {@code client-id}, else the
 * service id, with its {@code client-secret} or the content of its
 * {@code client-secret-file}. Without a secret, or with one that is still an unresolved
 * placeholder such as {@code ${CLIENT_SECRET}}, a random secret is generated and set as
 * {@code s2s.security.outbound.client-secret}. A {@code private_key_jwt} client is
 * registered by the test:
 * {@link FakeTokenIssuer#registerClient(String, com.nimbusds.jose.jwk.JWK)}. The token
 * requests the application made are in {@link FakeTokenIssuer#requests(Endpoint)
 * issuer.requests(Endpoint.TOKEN)}; point a target's {@code base-urls} at a
 * {@link RecordingTarget} to see the calls themselves.
 *
 * <p>
 * The properties are applied when the context refreshes, after every
 * {@code @DynamicPropertySource} method has run, and take precedence over them.
 *
 * <p>
 * One issuer runs per application context, so per distinct configuration in Spring's
 * context cache; it stops when the context closes. Tokens minted by {@link S2sMockMvc},
 * {@link S2sWebTestClient}, {@link NegativeTests} and the
 * {@link WithServiceCaller @WithServiceCaller} family come from it.
 *
 * @author s2s-security team
 * @since 0.1.0
 * @see S2sWebMvcTest
 * @see S2sWebFluxTest
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeTokenIssuer {

	/**
	 * The identity provider the issuer imitates: its tokens take that provider's shape
	 * and the application reads them with that preset. {@code GENERIC}, the default,
	 * keeps the provider the application configures for its first issuer, if any, and
	 * mints RFC 9068 tokens otherwise.
	 * @return the provider
	 */
	IdentityProvider provider() default IdentityProvider.GENERIC;

	/**
	 * The algorithms the issuer publishes keys for; the first signs by default.
	 * @return the algorithms
	 */
	SigningAlgorithm[] algorithms() default SigningAlgorithm.RS256;

	/**
	 * The path of the issuer URI, for example {@code /realms/platform}; empty for none.
	 * @return the path
	 */
	String issuerPath() default "";

}
