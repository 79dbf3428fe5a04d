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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a service calling with its own token: the security context holds the
 * {@code ServiceAuthentication} the application makes of that token.
 *
 * <pre class="code">
 * &#64;Test
 * &#64;WithServiceCaller(value = "order-service", scopes = "inventory.read")
 * void reservesStock() { ... }
 * </pre>
 *
 * <p>
 * The authentication is what the application makes of a real token from the test's
 * {@link FakeTokenIssuer} (see
 * {@link dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer}): decoded by
 * its {@code JwtDecoder} and classified by its {@code CallerClassifier}, so a custom
 * classifier or custom claim names take effect. Spring Security's test support puts it
 * into the security context for the test method (or every method of the class), in
 * MockMvc requests and in WebTestClient exchanges bound to the application context.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = CallerSecurityContextFactory.Service.class)
public @interface WithServiceCaller {

	/**
	 * The calling service's client id.
	 * @return the service id
	 */
	String value();

	/**
	 * The scopes the token grants.
	 * @return the scopes
	 */
	String[] scopes() default {};

	/**
	 * The roles the token grants, where the issuer's shape puts roles.
	 * @return the roles
	 */
	String[] roles() default {};

}
