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
package dev.s2s.security.caller;

import java.util.Locale;

/**
 * How a caller proved who it is: what audit events, metrics and logs record next to the
 * caller.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public enum CallerProof {

	/**
	 * A bearer token only.
	 */
	TOKEN,

	/**
	 * A client certificate only (a workload identity such as a SPIFFE X.509 SVID).
	 */
	CERTIFICATE,

	/**
	 * A bearer token presented over a connection authenticated by a client certificate
	 * that names the same service (or that the token is bound to).
	 */
	TOKEN_AND_CERTIFICATE;

	/**
	 * The proof as a low-cardinality tag value.
	 * @return {@code token}, {@code certificate} or {@code token_and_certificate}
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
