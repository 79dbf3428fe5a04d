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
package dev.s2s.security.workload;

import java.io.Serial;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * A request whose client certificate, or whose token and certificate together, do not
 * prove a caller: a 401 whose {@code WWW-Authenticate} says {@code invalid_token} with a
 * fixed description (never the certificate's content), and whose refusal reason is
 * {@link #getReason()}.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class RejectedCertificateException extends OAuth2AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The client certificate failed a check (validity, key usage, SPIFFE ID, trust
	 * domain).
	 */
	public static final String INVALID_CERTIFICATE = "invalid_certificate";

	/** A client certificate is required and none was presented. */
	public static final String MISSING_CERTIFICATE = "missing_certificate";

	/**
	 * The token and the certificate disagree: the token is bound (RFC 8705) to another
	 * certificate or to one not presented, or names another service.
	 */
	public static final String CERTIFICATE_MISMATCH = "certificate_mismatch";

	/**
	 * A forwarded client certificate header that cannot be read (several header lines,
	 * broken quoting or encoding): a {@code 400 invalid_request}, like a request with two
	 * tokens.
	 */
	public static final String INVALID_REQUEST = "invalid_request";

	/** The reason. */
	private final String reason;

	private RejectedCertificateException(String reason, String description) {
		this(reason, new BearerTokenError(BearerTokenErrorCodes.INVALID_TOKEN, HttpStatus.UNAUTHORIZED, description,
				"https://www.rfc-editor.org/rfc/rfc8705"));
	}

	private RejectedCertificateException(String reason, BearerTokenError error) {
		super(error, error.getDescription());
		this.reason = reason;
	}

	static RejectedCertificateException malformed(String description) {
		return new RejectedCertificateException(INVALID_REQUEST,
				new BearerTokenError(BearerTokenErrorCodes.INVALID_REQUEST, HttpStatus.BAD_REQUEST, description,
						"https://www.rfc-editor.org/rfc/rfc6750#section-3.1"));
	}

	static RejectedCertificateException invalid(String description) {
		return new RejectedCertificateException(INVALID_CERTIFICATE, description);
	}

	static RejectedCertificateException missing(String description) {
		return new RejectedCertificateException(MISSING_CERTIFICATE, description);
	}

	static RejectedCertificateException mismatch(String description) {
		return new RejectedCertificateException(CERTIFICATE_MISMATCH, description);
	}

	/**
	 * Why, as a low-cardinality refusal reason.
	 * @return {@value #INVALID_CERTIFICATE}, {@value #MISSING_CERTIFICATE},
	 * {@value #CERTIFICATE_MISMATCH} or {@value #INVALID_REQUEST}
	 */
	public String getReason() {
		return this.reason;
	}

}
