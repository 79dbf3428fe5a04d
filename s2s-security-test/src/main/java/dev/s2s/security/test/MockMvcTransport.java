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

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Negative-test requests through MockMvc.
 *
 * @author s2s-security team
 */
record MockMvcTransport(MockMvc mockMvc) implements Transport {

	@Override
	public Response send(HttpMethod method, String path, @Nullable String token, @Nullable String jsonBody)
			throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (jsonBody != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(jsonBody);
		}
		MockHttpServletResponse response = this.mockMvc.perform(request).andReturn().getResponse();
		return new Response(response.getStatus(), response.getHeaders(HttpHeaders.WWW_AUTHENTICATE));
	}

}
