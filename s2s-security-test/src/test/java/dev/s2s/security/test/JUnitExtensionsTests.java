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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link RecordingTarget} and {@link FakeTokenIssuerExtension} with
 * {@code @RegisterExtension}: the fixture classes below are run by a JUnit launcher, and
 * the servers they registered are checked afterwards.
 */
class JUnitExtensionsTests {

	/** The base URLs the fixtures saw, one entry per test. */
	static final List<URI> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void forget() {
		seen.clear();
	}

	@Test
	void aStaticTargetServesTheClassAndItsNestedClassesIsResetAfterEachTestAndClosedAfterTheClass() {
		run(StaticTarget.class, 4);

		assertThat(seen).hasSize(4).containsOnly(seen.get(0));
		assertClosed(seen.get(0));
	}

	@Test
	void aStaticTargetClosedByAnEarlierRunOfItsClassIsStartedAgainOnItsPort() {
		run(StaticTarget.class, 4);
		URI first = seen.get(0);
		assertClosed(first);

		run(StaticTarget.class, 4);

		assertThat(seen).hasSize(8).containsOnly(first);
		assertClosed(first);
	}

	@Test
	void aStaticIssuerClosedByAnEarlierRunOfItsClassIsStartedAgainOnItsPort() {
		run(StaticIssuer.class, 2);
		run(StaticIssuer.class, 2);

		assertThat(seen).hasSize(4).containsOnly(seen.get(0));
		assertClosed(seen.get(0));
	}

	@Test
	void anInstanceTargetServesOneTestAndIsClosedAfterIt() {
		run(InstanceTarget.class, 2);

		assertThat(seen).hasSize(2).doesNotHaveDuplicates();
		seen.forEach(JUnitExtensionsTests::assertClosed);
	}

	@Test
	void anInstanceTargetOfAPerClassTestServesTheClassAndIsResetAfterEachTestAndClosedAfterTheClass() {
		run(PerClassInstanceTarget.class, 2);

		assertThat(seen).hasSize(2).containsOnly(seen.get(0));
		assertClosed(seen.get(0));
	}

	@Test
	void aStaticIssuerServesTheClassIsResetAfterEachTestAndClosedAfterTheClass() {
		run(StaticIssuer.class, 2);

		assertThat(seen).hasSize(2).containsOnly(seen.get(0));
		assertClosed(seen.get(0));
	}

	@Test
	void anInstanceIssuerServesOneTestAndIsClosedAfterIt() {
		run(InstanceIssuer.class, 2);

		assertThat(seen).hasSize(2).doesNotHaveDuplicates();
		seen.forEach(JUnitExtensionsTests::assertClosed);
	}

	private static void run(Class<?> fixture, int tests) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).as("failures of %s", fixture.getSimpleName())
			.extracting((failure) -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
			.isEmpty();
		assertThat(summary.getTestsSucceededCount()).as("tests of %s that passed", fixture.getSimpleName())
			.isEqualTo(tests);
	}

	private static void assertClosed(URI uri) {
		assertThatExceptionOfType(ConnectException.class).as("a request to %s, closed", uri)
			.isThrownBy(() -> Http.get(uri));
	}

	/**
	 * A request to the target, which must be the only one of the test.
	 * @return the status answered
	 */
	static int use(RecordingTarget target) {
		int status;
		try {
			status = Http.get(target.uri("/stock")).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(target.requestCount()).as("requests this test made").isOne();
		seen.add(URI.create(target.baseUrl()));
		return status;
	}

	/**
	 * A request to the issuer, which must be the only one of the test.
	 * @return the status answered
	 */
	static int use(FakeTokenIssuer issuer) {
		int status;
		try {
			status = Http.get(issuer.discoveryUri()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(issuer.requestCount(Endpoint.DISCOVERY)).as("requests this test made").isOne();
		seen.add(issuer.discoveryUri());
		return status;
	}

	@TestMethodOrder(MethodOrderer.MethodName.class)
	static class StaticTarget {

		@RegisterExtension
		static final RecordingTarget target = RecordingTarget.start();

		@Test
		void first() {
			target.respond(TargetResponse.status(500));
			assertThat(use(target)).isEqualTo(500);
		}

		@Test
		void second() {
			assertThat(use(target)).as("the status after the first test set 500").isEqualTo(200);
		}

		@Nested
		class FirstNested {

			@Test
			void nested() {
				use(target);
			}

		}

		@Nested
		class SecondNested {

			@Test
			void nested() {
				use(target);
			}

		}

	}

	static class InstanceTarget {

		@RegisterExtension
		final RecordingTarget target = RecordingTarget.start();

		@Test
		void first() {
			use(this.target);
		}

		@Test
		void second() {
			use(this.target);
		}

	}

	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	static class PerClassInstanceTarget {

		@RegisterExtension
		final RecordingTarget target = RecordingTarget.start();

		@Test
		void first() {
			use(this.target);
		}

		@Test
		void second() {
			use(this.target);
		}

	}

	@TestMethodOrder(MethodOrderer.MethodName.class)
	static class StaticIssuer {

		@RegisterExtension
		static final FakeTokenIssuerExtension idp = new FakeTokenIssuerExtension(
				FakeTokenIssuer.builder().issuerPath("/realms/test"));

		@Test
		void first() {
			idp.issuer().discoveryEndpoint().fail(Fault.HTTP_500);
			assertThat(use(idp.issuer())).isEqualTo(500);
		}

		@Test
		void second() {
			assertThat(use(idp.issuer())).as("the status after the first test made discovery fail").isEqualTo(200);
			assertThat(idp.issuer().issuerUri().getPath()).isEqualTo("/realms/test");
		}

	}

	static class InstanceIssuer {

		@RegisterExtension
		final FakeTokenIssuerExtension idp = new FakeTokenIssuerExtension();

		@Test
		void first() {
			use(this.idp.issuer());
		}

		@Test
		void second() {
			use(this.idp.issuer());
		}

	}

}
