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

package dev.s2s.security.mutation;

import java.util.List;
import java.util.Properties;

import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.TestInfo;
import org.pitest.mutationtest.build.DefaultTestPrioritiserFactory;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiserFactory;

/**
 * PIT's own test order (the mutated class's own tests first, then the fastest covering
 * tests), cut to the first {@value #DEFAULT_LIMIT} tests of each mutant, or
 * {@code s2s.mutation.tests-per-mutant} from the plugin configuration.
 * <p>
 * Without a limit, a surviving mutant in code every request runs (the decoder, the
 * validators) runs every integration test, hundreds of them, and the profile takes hours
 * on two cores. With it, a mutant that only a slow test far down the list would kill
 * counts as survived: the limit can only lower a score, never raise it, and such a
 * survivor names a behaviour no fast test specifies.
 */
public final class FastestCoveringTests implements TestPrioritiserFactory {

	static final int DEFAULT_LIMIT = 40;

	static final String LIMIT_PROPERTY = "s2s.mutation.tests-per-mutant";

	@Override
	public TestPrioritiser makeTestPrioritiser(Properties properties, CodeSource code, CoverageDatabase coverage) {
		TestPrioritiser order = new DefaultTestPrioritiserFactory().makeTestPrioritiser(properties, code, coverage);
		int limit = Integer.parseInt(properties.getProperty(LIMIT_PROPERTY, String.valueOf(DEFAULT_LIMIT)));
		return (mutant) -> first(order.assignTests(mutant), limit);
	}

	private static List<TestInfo> first(List<TestInfo> tests, int limit) {
		return (tests.size() <= limit) ? tests : List.copyOf(tests.subList(0, limit));
	}

	@Override
	public String description() {
		return "s2s-security: PIT's test order, at most " + LIMIT_PROPERTY + " tests per mutant";
	}

}
