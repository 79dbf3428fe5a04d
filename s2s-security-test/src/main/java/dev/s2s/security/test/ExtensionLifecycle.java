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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a server registered with {@code @RegisterExtension} is reset and when it is
 * closed. On a static field (JUnit calls {@code beforeAll}) it serves the whole class,
 * nested classes included: it is reset after each test and closed after the class that
 * registered it. On an instance field it is made anew for each test and closed after it,
 * unless the class has a {@code PER_CLASS} lifecycle, where one instance serves all its
 * tests: then it is reset after each test and closed after the class. A server closed by
 * an earlier run of its class in the same JVM (Surefire's {@code rerunFailingTestsCount})
 * is started again before the class.
 *
 * @author s2s-security team
 */
final class ExtensionLifecycle {

	private final Runnable reopen;

	private final Runnable reset;

	private final Runnable close;

	/** The class that registered the server on a static field, if it did. */
	private volatile @Nullable String owner;

	ExtensionLifecycle(Runnable reopen, Runnable reset, Runnable close) {
		this.reopen = reopen;
		this.reset = reset;
		this.close = close;
	}

	void beforeAll(ExtensionContext context) {
		if (this.owner == null) {
			this.owner = context.getUniqueId();
		}
		this.reopen.run();
	}

	void afterEach(ExtensionContext context) {
		boolean perClass = context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS;
		if (this.owner != null || perClass) {
			this.reset.run();
		}
		else {
			this.close.run();
		}
	}

	void afterAll(ExtensionContext context) {
		String owner = this.owner;
		if (owner == null || owner.equals(context.getUniqueId())) {
			this.close.run();
		}
	}

}
