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

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@link WebMvcTest @WebMvcTest} with s2s-security and a fake issuer: the controller
 * slice, s2s-security's inbound configuration (decoder, caller classification, the
 * security filter chain unless the test imports its own) and a
 * {@link dev.s2s.security.test.FakeTokenIssuer} bean the application trusts; nothing
 * else, so no outbound clients.
 *
 * <pre class="code">
 * &#64;S2sWebMvcTest(StockController.class)
 * class StockControllerTests {
 *
 *     &#64;Autowired
 *     MockMvc client;
 *
 * }
 * </pre>
 *
 * <p>
 * A plain {@code @WebMvcTest} includes s2s-security's inbound configuration too (the
 * starter joins the slice, as Spring Boot's resource server does); this annotation adds
 * the issuer, as {@link AutoConfigureFakeTokenIssuer} would, so that
 * {@link dev.s2s.security.test.S2sMockMvc} and the caller annotations work. The
 * application still needs a service id, for example through
 * {@code properties = "s2s.security.service-id=inventory-service"}.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest
@AutoConfigureFakeTokenIssuer
public @interface S2sWebMvcTest {

	/**
	 * Alias for {@link #controllers()}.
	 * @return the controllers to test
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "value")
	Class<?>[] value() default {};

	/**
	 * The controllers to test; all {@code @Controller} beans when empty.
	 * @return the controllers to test
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] controllers() default {};

	/**
	 * Properties in the form {@literal key=value} added to the environment before the
	 * test runs.
	 * @return the properties
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

}
