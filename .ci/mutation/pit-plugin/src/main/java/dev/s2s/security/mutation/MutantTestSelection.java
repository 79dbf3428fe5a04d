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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.TestInfo;
import org.pitest.mutationtest.build.DefaultTestPrioritiserFactory;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiserFactory;

/**
 * The tests PIT runs for a mutant, at most {@value #DEFAULT_LIMIT} (or
 * {@code s2s.mutation.tests-per-mutant} from the plugin configuration): first the mutated
 * class's own tests, the most specific first ({@code FooBarTests}, then {@code FooTests},
 * for {@code Foo$Bar}), for at most half of that budget; then one test of each covering
 * test class in turn, each class's fastest first (PIT's order).
 * <p>
 * PIT measures a test's time with Spring's test contexts cached, but a mutant starts them
 * again (see {@code SpringContextCacheReset}), so a class's own plain unit tests are
 * nearly always the cheapest way to kill it. Taking the others in turn, not fastest
 * first, lets a class of many similar tests not crowd out the one class that specifies
 * what the mutant changed (the reactive decoder's threads, for a mutant of the decoder).
 * <p>
 * Without a limit, a surviving mutant in code every request runs (the decoder, the
 * validators) runs every integration test, hundreds of them, and the profile takes hours
 * on two cores. With it, a mutant that only a test beyond the limit would kill counts as
 * survived: the limit can only lower a score, never raise it.
 */
public final class MutantTestSelection implements TestPrioritiserFactory {

	static final int DEFAULT_LIMIT = 40;

	static final String LIMIT_PROPERTY = "s2s.mutation.tests-per-mutant";

	@Override
	public TestPrioritiser makeTestPrioritiser(Properties properties, CodeSource code, CoverageDatabase coverage) {
		TestPrioritiser order = new DefaultTestPrioritiserFactory().makeTestPrioritiser(properties, code, coverage);
		int limit = Integer.parseInt(properties.getProperty(LIMIT_PROPERTY, String.valueOf(DEFAULT_LIMIT)));
		return (mutant) -> select(mutant.getClassName().asJavaName(), order.assignTests(mutant), limit);
	}

	static List<TestInfo> select(String mutatedClass, List<TestInfo> tests, int limit) {
		List<TestInfo> selected = new ArrayList<>(Math.min(limit, tests.size()));
		Set<TestInfo> taken = Collections.newSetFromMap(new IdentityHashMap<>());
		for (String own : ownTestClasses(mutatedClass)) {
			for (TestInfo test : tests) {
				if (selected.size() < limit / 2 && !taken.contains(test) && isOf(test, own)) {
					selected.add(test);
					taken.add(test);
				}
			}
		}
		Map<String, Deque<TestInfo>> byClass = new LinkedHashMap<>();
		for (TestInfo test : tests) {
			if (!taken.contains(test)) {
				byClass.computeIfAbsent(topLevelClassOf(test), (name) -> new ArrayDeque<>()).add(test);
			}
		}
		while (selected.size() < limit && !byClass.isEmpty()) {
			for (var each = byClass.values().iterator(); each.hasNext() && selected.size() < limit;) {
				Deque<TestInfo> classTests = each.next();
				selected.add(classTests.poll());
				if (classTests.isEmpty()) {
					each.remove();
				}
			}
		}
		return selected;
	}

	/** {@code a.FooBarTests} then {@code a.FooTests} for {@code a.Foo$Bar}. */
	private static List<String> ownTestClasses(String mutatedClass) {
		String[] names = mutatedClass.split("\\$");
		List<String> own = new ArrayList<>();
		for (int length = names.length; length > 0; length--) {
			String name = String.join("", List.of(names).subList(0, length));
			if (!name.matches(".*\\d$")) { // not an anonymous class's number
				own.add(name + "Tests");
			}
		}
		return own;
	}

	private static boolean isOf(TestInfo test, String testClass) {
		return topLevelClassOf(test).equals(testClass);
	}

	private static String topLevelClassOf(TestInfo test) {
		String definingClass = TestInfo.toDefiningClassName().apply(test).asJavaName();
		int nested = definingClass.indexOf('$');
		return (nested < 0) ? definingClass : definingClass.substring(0, nested);
	}

	@Override
	public String description() {
		return "s2s-security: a class's own tests first, then one test per covering class in turn, at most "
				+ LIMIT_PROPERTY + " tests per mutant";
	}

}
