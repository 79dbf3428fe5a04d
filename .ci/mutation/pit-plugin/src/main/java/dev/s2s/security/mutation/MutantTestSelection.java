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

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.TestInfo;
import org.pitest.mutationtest.build.DefaultTestPrioritiserFactory;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiserFactory;
import org.pitest.mutationtest.engine.MutationDetails;

/**
 * The tests PIT runs for a mutant: the mutated class's own tests ({@code FooTests} for
 * {@code Foo} and its nested classes) first, then PIT's own order (fastest first), cut to
 * the first {@value #DEFAULT_LIMIT} tests, or {@code s2s.mutation.tests-per-mutant} from
 * the plugin configuration.
 * <p>
 * PIT measures a test's time with Spring's test contexts cached, but a mutant starts them
 * again (see {@code SpringContextCacheReset}), so a class's own plain unit tests are
 * nearly always the cheapest way to kill it.
 * <p>
 * Without a limit, a surviving mutant in code every request runs (the decoder, the
 * validators) runs every integration test, hundreds of them, and the profile takes hours
 * on two cores. With it, a mutant that only a slow test far down the list would kill
 * counts as survived: the limit can only lower a score, never raise it, and such a
 * survivor names a behaviour no fast test specifies.
 */
public final class MutantTestSelection implements TestPrioritiserFactory {

	static final int DEFAULT_LIMIT = 40;

	static final String LIMIT_PROPERTY = "s2s.mutation.tests-per-mutant";

	@Override
	public TestPrioritiser makeTestPrioritiser(Properties properties, CodeSource code, CoverageDatabase coverage) {
		TestPrioritiser order = new DefaultTestPrioritiserFactory().makeTestPrioritiser(properties, code, coverage);
		int limit = Integer.parseInt(properties.getProperty(LIMIT_PROPERTY, String.valueOf(DEFAULT_LIMIT)));
		return (mutant) -> first(ownTestsFirst(mutant, order.assignTests(mutant)), limit);
	}

	private static List<TestInfo> ownTestsFirst(MutationDetails mutant, List<TestInfo> tests) {
		String className = mutant.getClassName().asJavaName();
		int nested = className.indexOf('$');
		String own = ((nested < 0) ? className : className.substring(0, nested)) + "Tests";
		List<TestInfo> ordered = new ArrayList<>(tests.size());
		tests.stream().filter((test) -> isOf(test, own)).forEach(ordered::add);
		tests.stream().filter((test) -> !isOf(test, own)).forEach(ordered::add);
		return ordered;
	}

	private static boolean isOf(TestInfo test, String testClass) {
		String definingClass = TestInfo.toDefiningClassName().apply(test).asJavaName();
		return definingClass.equals(testClass) || definingClass.startsWith(testClass + "$");
	}

	private static List<TestInfo> first(List<TestInfo> tests, int limit) {
		return (tests.size() <= limit) ? tests : List.copyOf(tests.subList(0, limit));
	}

	@Override
	public String description() {
		return "s2s-security: a class's own tests first, then PIT's order, at most " + LIMIT_PROPERTY
				+ " tests per mutant";
	}

}
