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

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Remembers the running test's context on its thread, for helpers that are handed no
 * application context (a WebTestClient mutator, the negative-test kit).
 *
 * @author s2s-security team
 */
class CurrentTestContext implements TestExecutionListener {

	private static final ThreadLocal<TestContext> current = new ThreadLocal<>();

	@Override
	public void prepareTestInstance(TestContext testContext) {
		current.set(testContext);
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		current.set(testContext);
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		current.remove();
	}

	static ApplicationContext applicationContext() {
		@Nullable TestContext testContext = current.get();
		if (testContext == null) {
			throw new IllegalStateException("No Spring test is running on this thread: s2s-security's test helpers "
					+ "need a test class run by Spring's TestContext framework, such as a @SpringBootTest");
		}
		return testContext.getApplicationContext();
	}

}
