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
package dev.s2s.security.revocation;

/**
 * What a request gets when the revocation store cannot answer in time.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public enum RevocationFailMode {

	/**
	 * Accept the token as if it were not revoked; the failure is counted and logged as a
	 * warning (at most once a minute).
	 */
	OPEN,

	/**
	 * Answer {@code 503 Service Unavailable} with {@code Retry-After}: no token is
	 * accepted while its revocation status is unknown.
	 */
	CLOSED

}
