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
package dev.s2s.security;

/**
 * What was last observed of the credentials s2s-security needs from an identity provider:
 * a trusted issuer's keys (inbound) or a target's tokens (outbound).
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public enum CredentialState {

	/**
	 * Nothing was fetched yet: keys are fetched with the first token of the issuer,
	 * tokens with the first call to the target.
	 */
	NOT_FETCHED,

	/**
	 * The last fetch succeeded, and nothing failed since.
	 */
	UP,

	/**
	 * The identity provider fails, but what was fetched before still serves: keys still
	 * verify tokens, the token is still valid and sent.
	 */
	DEGRADED,

	/**
	 * The identity provider fails and nothing usable is left: tokens of the issuer are
	 * refused, calls to the target fail.
	 */
	DOWN

}
