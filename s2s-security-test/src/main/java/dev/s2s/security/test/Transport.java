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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Sends one request of the negative tests and tells its status and challenges.
 *
 * @author s2s-security team
 */
@FunctionalInterface
interface Transport {

	Response send(HttpMethod method, String path, @Nullable String token, @Nullable String jsonBody) throws Exception;

	/**
	 * What the negative tests look at in a response.
	 *
	 * @param status the status code
	 * @param wwwAuthenticate the values of its {@code WWW-Authenticate} headers, in order
	 */
	record Response(int status, List<String> wwwAuthenticate) {

		public Response {
			wwwAuthenticate = List.copyOf(wwwAuthenticate);
		}

	}

}
