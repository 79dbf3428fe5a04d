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

package dev.s2s.security.test.assertj;

import java.util.List;

import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.TargetRequest;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on the requests a {@link RecordingTarget} received. Obtain with
 * {@link S2sAssertions#assertThat(RecordingTarget)}.
 *
 * <pre class="code">
 * assertThat(inventory).receivedOne()
 *     .hasMethod("GET")
 *     .hasPath("/stock/1")
 *     .bearerToken()
 *     .hasAudience("inventory-service");
 * </pre>
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class RecordingTargetAssert extends AbstractAssert<RecordingTargetAssert, @Nullable RecordingTarget> {

	RecordingTargetAssert(@Nullable RecordingTarget actual) {
		super(actual, RecordingTargetAssert.class);
	}

	/**
	 * Verifies that the target received no request.
	 * @return this assertion
	 */
	public RecordingTargetAssert hasReceivedNothing() {
		return hasReceived(0);
	}

	/**
	 * Verifies that the target received exactly this many requests.
	 * @param count the expected number of requests
	 * @return this assertion
	 */
	public RecordingTargetAssert hasReceived(int count) {
		List<TargetRequest> requests = requests();
		if (requests.size() != count) {
			failWithMessage("Expected %s to have received %s request(s) but it received %s: %s", this.actual, count,
					requests.size(), requests);
		}
		return this;
	}

	/**
	 * Verifies that the target received exactly one request, and returns assertions on
	 * it.
	 * @return assertions on the request
	 */
	public TargetRequestAssert receivedOne() {
		hasReceived(1);
		return new TargetRequestAssert(requests().get(0));
	}

	/**
	 * Assertions on one of the received requests.
	 * @param index the request's position, {@code 0} for the first
	 * @return assertions on the request
	 */
	public TargetRequestAssert request(int index) {
		List<TargetRequest> requests = requests();
		if (index < 0 || index >= requests.size()) {
			failWithMessage("Expected %s to have received a request #%s but it received %s: %s", this.actual, index,
					requests.size(), requests);
		}
		return new TargetRequestAssert(requests.get(index));
	}

	/**
	 * Assertions on the last request received.
	 * @return assertions on the request
	 */
	public TargetRequestAssert lastRequest() {
		List<TargetRequest> requests = requests();
		if (requests.isEmpty()) {
			failWithMessage("Expected %s to have received a request but it received none", this.actual);
		}
		return new TargetRequestAssert(requests.get(requests.size() - 1));
	}

	private List<TargetRequest> requests() {
		isNotNull();
		return this.actual.requests();
	}

}
