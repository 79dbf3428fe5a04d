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
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link S2sChainMarker}: it marks exactly the dispatch an s2s chain handles; a
 * forward, an error dispatch or an include of the same request is another dispatch, and
 * the mark is gone once the chain returns, even by an exception.
 */
class S2sChainMarkerTests {

	private final S2sChainMarker marker = new S2sChainMarker();

	@Test
	void aRequestOutsideAnS2sChainIsNotHandled() {
		assertThat(S2sChainMarker.handles(new MockHttpServletRequest("GET", "/stock"))).isFalse();
	}

	@Test
	void theDispatchInsideTheChainIsHandledAndNotAfterIt() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		List<Boolean> seen = new ArrayList<>();
		this.marker.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.add(S2sChainMarker.handles(request)));
		assertThat(seen).containsExactly(true);
		assertThat(S2sChainMarker.handles(request)).isFalse();
	}

	@Test
	void aForwardOrAnErrorDispatchOfTheSameRequestIsNotHandled() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		List<Boolean> seen = new ArrayList<>();
		this.marker.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			request.setRequestURI("/error");
			request.setDispatcherType(DispatcherType.ERROR);
			seen.add(S2sChainMarker.handles(request));
			request.setDispatcherType(DispatcherType.FORWARD);
			seen.add(S2sChainMarker.handles(request));
			request.setRequestURI("/stock");
			seen.add(S2sChainMarker.handles(request));
			request.setDispatcherType(DispatcherType.REQUEST);
			seen.add(S2sChainMarker.handles(request));
		});
		assertThat(seen).containsExactly(false, false, false, true);
	}

	@Test
	void anIncludeOfTheSameRequestIsNotHandled() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		List<Boolean> seen = new ArrayList<>();
		this.marker.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			request.setAttribute(RequestDispatcher.INCLUDE_REQUEST_URI, "/fragment");
			seen.add(S2sChainMarker.handles(request));
			request.removeAttribute(RequestDispatcher.INCLUDE_REQUEST_URI);
			seen.add(S2sChainMarker.handles(request));
		});
		assertThat(seen).containsExactly(false, true);
	}

	@Test
	void aNestedChainMarksItsOwnDispatchAndTheOuterMarkIsRestored() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		List<Boolean> seen = new ArrayList<>();
		this.marker.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			request.setRequestURI("/forwarded");
			request.setDispatcherType(DispatcherType.FORWARD);
			this.marker.doFilter(request, res, (inner, innerRes) -> seen.add(S2sChainMarker.handles(request)));
			seen.add(S2sChainMarker.handles(request));
			request.setRequestURI("/stock");
			request.setDispatcherType(DispatcherType.REQUEST);
			seen.add(S2sChainMarker.handles(request));
		});
		assertThat(seen).containsExactly(true, false, true);
	}

	@Test
	void theMarkIsGoneWhenTheChainFails() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stock");
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> this.marker.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				throw new ServletException("handler failed");
			}))
			.withMessage("handler failed");
		assertThat(S2sChainMarker.handles(request)).isFalse();
	}

	@Test
	void aRequestWithoutAUriIsStillMarked() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRequestURI(null);
		List<Boolean> seen = new ArrayList<>();
		this.marker.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.add(S2sChainMarker.handles(request)));
		assertThat(seen).containsExactly(true);
	}

}
