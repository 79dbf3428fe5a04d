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

import org.springframework.core.annotation.AliasFor;

/**
 * Admits a service acting on behalf of an end user ({@code DelegatedAuthentication}, e.g.
 * a token from RFC 8693 token exchange) to a controller method or to every method of a
 * controller. Usually beside {@link UserCaller}, for an endpoint that users call directly
 * and through a gateway:
 *
 * <pre>
 * &#64;UserCaller(scopes = "orders.read")
 * &#64;DelegatedCaller(value = "gateway", scopes = "orders.read")
 * &#64;GetMapping("/orders")
 * List&lt;Order&gt; orders() { ... }
 * </pre>
 *
 * <p>
 * Delegated callers are denied wherever this annotation is absent. A delegated call
 * carries both a user's and a service's authority, so neither {@link ServiceCaller} nor
 * {@link UserCaller} admits it on its own: accepting one is a decision each endpoint
 * states. Lookup, the method-wins rule and the status codes are those of
 * {@link ServiceCaller}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DelegatedCaller {

	/**
	 * Alias for {@link #services()}.
	 * @return the acting services admitted
	 */
	@AliasFor("services")
	String[] value() default {};

	/**
	 * Ids of the services admitted to act on behalf of users; empty admits any service.
	 * @return the acting services admitted
	 */
	@AliasFor("value")
	String[] services() default {};

	/**
	 * Scopes the delegated token must all carry.
	 * @return the required scopes
	 */
	String[] scopes() default {};

	/**
	 * Roles of which the user must have at least one; empty requires none.
	 * @return the roles, any of which admits the call
	 */
	String[] roles() default {};

}
