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
package dev.s2s.security.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Admits end users ({@code UserAuthentication}) to a controller method or to every method
 * of a controller:
 *
 * <pre>
 * &#64;UserCaller(scopes = "orders.read", roles = { "customer", "support" })
 * &#64;GetMapping("/orders")
 * List&lt;Order&gt; orders() { ... }
 * </pre>
 *
 * <p>
 * A service acting on behalf of a user is not a user: it is admitted only where
 * {@link DelegatedCaller} says so. Lookup, the method-wins rule and the status codes are
 * those of {@link ServiceCaller}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UserCaller {

	/**
	 * Scopes the user's token must all carry.
	 * @return the required scopes
	 */
	String[] scopes() default {};

	/**
	 * Roles of which the user must have at least one; empty requires none.
	 * @return the roles, any of which admits the user
	 */
	String[] roles() default {};

}
