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
 * Admits services calling as themselves ({@code ServiceAuthentication}) to a controller
 * method or to every method of a controller:
 *
 * <pre>
 * &#64;ServiceCaller(value = { "order-service", "payment-service" }, scopes = "inventory.read")
 * &#64;GetMapping("/stock")
 * Stock stock() { ... }
 * </pre>
 *
 * <p>
 * The caller annotations ({@code @ServiceCaller}, {@link UserCaller},
 * {@link DelegatedCaller}) each admit one kind of caller; put several on one endpoint to
 * admit several kinds. Every other caller is denied before the handler runs: a caller of
 * another kind, an unlisted service or a missing scope gets 403 (the last with
 * {@code error="insufficient_scope"}, RFC 6750), no token or a bad token 401.
 *
 * <p>
 * Found on the method, on the method it implements (interfaces), on the class, its
 * superclasses and interfaces, and as a meta-annotation. A method with any caller
 * annotation ignores the class's caller annotations as a whole: the method wins.
 *
 * <p>
 * A service acting on behalf of a user (token exchange) is not admitted by
 * {@code @ServiceCaller}: it carries a user's authority, so an endpoint must say
 * explicitly that it accepts one, with {@link DelegatedCaller}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServiceCaller {

	/**
	 * Alias for {@link #services()}.
	 * @return the services admitted
	 */
	@AliasFor("services")
	String[] value() default {};

	/**
	 * Ids of the services admitted; empty admits any authenticated service.
	 * @return the services admitted
	 */
	@AliasFor("value")
	String[] services() default {};

	/**
	 * Scopes the service's token must all carry.
	 * @return the required scopes
	 */
	String[] scopes() default {};

}
