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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.help.PitHelpError;
import org.pitest.junit5.JUnit5TestUnit;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestPluginFactory;
import org.pitest.testapi.TestSuiteFinder;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;

/**
 * Finds a mutation minion's tests by JUnit discovery instead of by running them.
 * {@code pitest-junit5-plugin} finds tests by running their classes, which the coverage
 * phase needs (it records coverage meanwhile) but a mutation minion does not: there it
 * only names the tests, and every minion would run, unmutated, every test class that
 * covers its class (45 s of Spring contexts before the first mutant of a widely used
 * class). Here the minion discovers them; only parameterized and dynamic tests, whose
 * invocations discovery cannot know, are run to find them, as PIT's finder does. The
 * tests found are the same {@code JUnit5TestUnit}s with the same ids, so PIT runs the
 * same tests per mutant; the coverage phase still uses PIT's own finder.
 *
 * @author s2s-security team
 */
public final class TestsFoundWithoutRunning implements TestPluginFactory {

	/** Ahead of PIT's JUnit 5 finder ({@link Configuration#DEFAULT_PRIORITY}). */
	private static final int PRIORITY = Configuration.DEFAULT_PRIORITY - 1;

	@Override
	public Configuration createTestFrameworkConfiguration(TestGroupConfig groups, ClassByteArraySource source,
			Collection<String> excludedRunners, Collection<String> includedTestMethods) {
		boolean unfiltered = groups.getExcludedGroups().stream().allMatch(String::isEmpty)
				&& groups.getIncludedGroups().stream().allMatch(String::isEmpty)
				&& (includedTestMethods == null || includedTestMethods.isEmpty());
		return new Discovery(unfiltered);
	}

	@Override
	public String name() {
		return "s2s-junit5-discovery";
	}

	@Override
	public String description() {
		return "s2s-security: a mutation minion finds its JUnit 5 tests by discovery, not by running them";
	}

	private static final class Discovery implements Configuration, TestUnitFinder {

		private final boolean unfiltered;

		private final Launcher launcher = LauncherFactory.create();

		Discovery(boolean unfiltered) {
			this.unfiltered = unfiltered;
		}

		@Override
		public int priority() {
			return PRIORITY;
		}

		@Override
		public TestUnitFinder testUnitFinder() {
			return this;
		}

		@Override
		public TestSuiteFinder testSuiteFinder() {
			return (testClass) -> List.of();
		}

		@Override
		public Optional<PitHelpError> verifyEnvironment() {
			return Optional.empty();
		}

		/**
		 * Empty, so that PIT asks its own finder next: in the coverage phase (whose
		 * listener records what runs), for nested classes (found through their
		 * enclosing class) and when tests are filtered by tag or name.
		 */
		@Override
		public List<TestUnit> findTestUnits(Class<?> testClass, TestUnitExecutionListener listener) {
			if (!(listener instanceof NullExecutionListener) || testClass.getEnclosingClass() != null
					|| !this.unfiltered) {
				return List.of();
			}
			TestPlan plan = this.launcher.discover(
					LauncherDiscoveryRequestBuilder.request()
						.selectors(DiscoverySelectors.selectClass(testClass.getName()))
						.build());
			List<TestUnit> tests = new ArrayList<>();
			List<DiscoverySelector> templates = new ArrayList<>();
			for (TestIdentifier root : plan.getRoots()) {
				for (TestIdentifier found : plan.getDescendants(root)) {
					if (found.isTest()) {
						tests.add(new JUnit5TestUnit(testClass, found));
					}
					else if (found.getSource().filter(MethodSource.class::isInstance).isPresent()) {
						templates.add(DiscoverySelectors.selectUniqueId(found.getUniqueId()));
					}
				}
			}
			if (!templates.isEmpty()) {
				this.launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(templates).build(),
						new TestExecutionListener() {
							@Override
							public void executionStarted(TestIdentifier started) {
								if (started.isTest()) {
									tests.add(new JUnit5TestUnit(testClass, started));
								}
							}
						});
			}
			return tests;
		}

	}

}
