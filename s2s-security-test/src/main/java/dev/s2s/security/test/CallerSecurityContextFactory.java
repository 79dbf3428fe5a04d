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

import java.lang.annotation.Annotation;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Makes the security context of the {@link WithServiceCaller @With…Caller} annotations
 * through the application: a token from its fake issuer, its decoder, its classifier.
 * Spring Security's test listener creates the factory as a bean of the test's context.
 *
 * @param <A> the annotation
 * @author s2s-security team
 */
abstract class CallerSecurityContextFactory<A extends Annotation>
		implements WithSecurityContextFactory<A>, ApplicationContextAware {

	private @Nullable ApplicationContext context;

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public SecurityContext createSecurityContext(A annotation) {
		if (this.context == null) {
			throw new IllegalStateException("@" + annotation.annotationType().getSimpleName()
					+ " needs a Spring test with an application context, such as a @SpringBootTest");
		}
		SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
		securityContext.setAuthentication(ApplicationIssuer.of(this.context).authenticate(caller(annotation)));
		return securityContext;
	}

	abstract TestCaller caller(A annotation);

	static final class Service extends CallerSecurityContextFactory<WithServiceCaller> {

		@Override
		TestCaller caller(WithServiceCaller annotation) {
			return TestCaller.service(annotation.value()).scopes(annotation.scopes()).roles(annotation.roles());
		}

	}

	static final class User extends CallerSecurityContextFactory<WithUserCaller> {

		@Override
		TestCaller caller(WithUserCaller annotation) {
			return TestCaller.user(annotation.value()).scopes(annotation.scopes()).roles(annotation.roles());
		}

	}

	static final class Delegated extends CallerSecurityContextFactory<WithDelegatedCaller> {

		@Override
		TestCaller caller(WithDelegatedCaller annotation) {
			return TestCaller.delegated(annotation.user(), annotation.actingService())
				.scopes(annotation.scopes())
				.roles(annotation.roles());
		}

	}

}
