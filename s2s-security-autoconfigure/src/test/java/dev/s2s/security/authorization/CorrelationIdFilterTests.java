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
package dev.s2s.security.authorization;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CorrelationIdFilter}: each request gets one id (the caller's when it
 * can be logged as it is), as a request attribute, a response header and in the MDC while
 * the request is handled, and the MDC is left as it was found; async and error dispatches
 * keep the id of their request.
 */
class CorrelationIdFilterTests {

	private final CorrelationIdFilter filter = new CorrelationIdFilter(new CorrelationIds(() -> "trace-1"));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void aValidIncomingIdIsKeptEverywhere() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		request.addHeader(CorrelationId.HEADER, "order-42");
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<String> inMdc = new ArrayList<>();
		this.filter.doFilter(request, response, (req, res) -> inMdc.add(MDC.get(CorrelationId.MDC_KEY)));
		assertThat(request.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("order-42");
		assertThat(response.getHeader(CorrelationId.HEADER)).isEqualTo("order-42");
		assertThat(inMdc).containsExactly("order-42");
		assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
	}

	@Test
	void anInvalidOrMissingIdIsReplaced() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		request.addHeader(CorrelationId.HEADER, "two words");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(request.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("trace-1");
		assertThat(response.getHeader(CorrelationId.HEADER)).isEqualTo("trace-1");
	}

	@Test
	void theIdAlreadyGivenToTheRequestIsKept() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		request.setAttribute(CorrelationId.ATTRIBUTE, "first-dispatch");
		request.addHeader(CorrelationId.HEADER, "order-42");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(request.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("first-dispatch");
		assertThat(response.getHeader(CorrelationId.HEADER)).isEqualTo("first-dispatch");
	}

	@Test
	void aResponseHeaderAlreadySetIsNotReplaced() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader(CorrelationId.HEADER, "set-before");
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeaders(CorrelationId.HEADER)).containsExactly("set-before");
		assertThat(request.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("trace-1");
	}

	@Test
	void theMdcIsRestoredToWhatItWas() throws Exception {
		MDC.put(CorrelationId.MDC_KEY, "outer");
		List<String> inMdc = new ArrayList<>();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/stock"), new MockHttpServletResponse(),
				(req, res) -> inMdc.add(MDC.get(CorrelationId.MDC_KEY)));
		assertThat(inMdc).containsExactly("trace-1");
		assertThat(MDC.get(CorrelationId.MDC_KEY)).isEqualTo("outer");
	}

	@Test
	void theMdcIsClearedWhenTheChainFails() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest("GET", "/stock"),
					new MockHttpServletResponse(), (req, res) -> {
						throw new IllegalStateException("handler failed");
					}));
		assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
	}

	@Test
	void asyncAndErrorDispatchesAreFilteredToo() throws Exception {
		MockHttpServletRequest async = new MockHttpServletRequest("GET", "/stock");
		async.setDispatcherType(DispatcherType.ASYNC);
		List<String> inMdc = new ArrayList<>();
		this.filter.doFilter(async, new MockHttpServletResponse(),
				(req, res) -> inMdc.add(MDC.get(CorrelationId.MDC_KEY)));
		MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
		error.setDispatcherType(DispatcherType.ERROR);
		error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/stock");
		this.filter.doFilter(error, new MockHttpServletResponse(),
				(req, res) -> inMdc.add(MDC.get(CorrelationId.MDC_KEY)));
		assertThat(inMdc).containsExactly("trace-1", "trace-1");
		assertThat(async.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("trace-1");
		assertThat(error.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("trace-1");
	}

	@Test
	void idsAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIdFilter(null))
			.withMessage("ids cannot be null");
	}

}
