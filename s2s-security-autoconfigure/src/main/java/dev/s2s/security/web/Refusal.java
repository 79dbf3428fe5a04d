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
package dev.s2s.security.web;

import java.util.Locale;

import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.caller.UserAuthentication;
import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.dpop.DPoPReplayUnavailableException;
import dev.s2s.security.inbound.LogSanitizer;
import dev.s2s.security.inbound.RejectedTokenException;
import dev.s2s.security.revocation.RevocationUnavailableException;
import dev.s2s.security.workload.RejectedCertificateException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A request an s2s filter chain refused: a 401 (or the 400 of a malformed request) from
 * authentication, or a 403 from authorization, with its reason. Never carries the token.
 * <p>
 * Reasons of a 401 (and 400): {@value #MISSING_TOKEN}, {@value #INVALID_REQUEST},
 * {@value #INVALID_TOKEN}, {@value #UNTRUSTED_ISSUER}, {@value #KEYS_UNAVAILABLE},
 * {@value #INVALID_DPOP_PROOF}, {@value #DPOP_REQUIRED}, and for client certificates
 * {@value RejectedCertificateException#INVALID_CERTIFICATE},
 * {@value RejectedCertificateException#MISSING_CERTIFICATE},
 * {@value RejectedCertificateException#CERTIFICATE_MISMATCH}. Reasons of a 503:
 * {@value #REVOCATION_UNAVAILABLE}, {@value #DPOP_REPLAY_UNAVAILABLE}. Reasons of a 403:
 * the {@link dev.s2s.security.authorization.DecisionReason#code() code} of the s2s
 * decision, or {@value #ACCESS_DENIED} when another rule (say {@code @PreAuthorize})
 * denied.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class Refusal {

	/** No bearer token. */
	public static final String MISSING_TOKEN = "missing_token";

	/** Several credentials, or a token in the URI: a 400. */
	public static final String INVALID_REQUEST = "invalid_request";

	/** A token that failed a check (signature, time, audience, type...). */
	public static final String INVALID_TOKEN = "invalid_token";

	/** A token whose {@code iss} names no trusted issuer. */
	public static final String UNTRUSTED_ISSUER = "untrusted_issuer";

	/** A token that could not be checked: its issuer's keys are unavailable. */
	public static final String KEYS_UNAVAILABLE = "keys_unavailable";

	/** A 403 decided by another rule than s2s-security's. */
	public static final String ACCESS_DENIED = "access_denied";

	/**
	 * The token's revocation status could not be told (the store failed, fail mode
	 * closed): a 503.
	 */
	public static final String REVOCATION_UNAVAILABLE = "revocation_unavailable";

	/** A DPoP proof that failed a check, or was used before. */
	public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

	/**
	 * A bearer token where a DPoP proof was needed: the token is bound to a key, or the
	 * service accepts DPoP-bound tokens only.
	 */
	public static final String DPOP_REQUIRED = "dpop_required";

	/**
	 * A DPoP proof whose replay could not be checked (the replay cache failed or is
	 * full): a 503.
	 */
	public static final String DPOP_REPLAY_UNAVAILABLE = "dpop_replay_unavailable";

	/** The status. */
	private final int status;

	/** The reason. */
	private final String reason;

	/** The detail. */
	private final @Nullable String detail;

	/** The HTTP method. */
	private final String method;

	/** The path. */
	private final String path;

	/** The caller type. */
	private final @Nullable CallerType callerType;

	/** The caller id. */
	private final @Nullable String callerId;

	/** The correlation id. */
	private final @Nullable String correlationId;

	private Refusal(int status, String reason, @Nullable String detail, Request request,
			@Nullable Authentication caller) {
		this.status = status;
		this.reason = reason;
		this.detail = (detail != null) ? LogSanitizer.sanitize(detail) : null;
		this.method = request.method();
		this.path = LogSanitizer.sanitize(request.path());
		CallerAuthentication known = (caller instanceof CallerAuthentication it) ? it : null;
		this.callerType = (known != null) ? known.getCallerType() : null;
		this.callerId = (known != null) ? callerId(known) : null;
		this.correlationId = request.correlationId();
	}

	static Refusal unauthenticated(int status, AuthenticationException failure, Request request) {
		if (failure instanceof RevocationUnavailableException) {
			return new Refusal(status, REVOCATION_UNAVAILABLE, failure.getMessage(), request, null);
		}
		if (failure instanceof DPoPReplayUnavailableException) {
			return new Refusal(status, DPOP_REPLAY_UNAVAILABLE, failure.getMessage(), request, null);
		}
		if (failure instanceof RejectedCertificateException certificate) {
			return new Refusal(status, certificate.getReason(), certificate.getError().getDescription(), request, null);
		}
		if (!(failure instanceof OAuth2AuthenticationException oauth)) {
			return new Refusal(status, MISSING_TOKEN, null, request, null);
		}
		if (OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode())) {
			return new Refusal(status, INVALID_REQUEST, oauth.getError().getDescription(), request, null);
		}
		if (DPoPBinding.isDPoPError(oauth.getError())) {
			String reason = OAuth2ErrorCodes.INVALID_DPOP_PROOF.equals(oauth.getError().getErrorCode())
					? INVALID_DPOP_PROOF : DPOP_REQUIRED;
			return new Refusal(status, reason, oauth.getError().getDescription(), request, null);
		}
		RejectedTokenException rejected = rejected(failure);
		if (rejected == null) {
			return new Refusal(status, INVALID_TOKEN, oauth.getError().getDescription(), request, null);
		}
		String reason = rejected.isKeysUnavailable() ? KEYS_UNAVAILABLE
				: rejected.isUntrustedIssuer() ? UNTRUSTED_ISSUER : INVALID_TOKEN;
		return new Refusal(status, reason, rejected.getReason(), request, null);
	}

	/**
	 * The reason code of a failed authentication, as in {@link #getReason()}.
	 * @param failure the failure
	 * @return {@value #INVALID_REQUEST}, {@value #INVALID_TOKEN},
	 * {@value #UNTRUSTED_ISSUER}, {@value #KEYS_UNAVAILABLE},
	 * {@value #REVOCATION_UNAVAILABLE}, {@value #INVALID_DPOP_PROOF},
	 * {@value #DPOP_REQUIRED}, {@value #DPOP_REPLAY_UNAVAILABLE}, a client certificate's
	 * reason ({@link RejectedCertificateException#getReason()}), or
	 * {@value #MISSING_TOKEN} for a failure that is no token's
	 */
	public static String reasonOf(AuthenticationException failure) {
		return unauthenticated(401, failure, new Request("-", "-", null)).getReason();
	}

	static Refusal denied(int status, AccessDeniedException denied, Request request, @Nullable Authentication caller) {
		CallerDecision decision = (denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof CallerDecision it) ? it : null;
		if (decision != null) {
			return new Refusal(status, decision.getReason().code(), decision.getRule(), request, caller);
		}
		return new Refusal(status, ACCESS_DENIED, null, request, caller);
	}

	private static @Nullable RejectedTokenException rejected(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedTokenException rejected) {
				return rejected;
			}
			if (cause.getCause() == cause) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable String callerId(CallerAuthentication caller) {
		if (caller instanceof ServiceAuthentication service) {
			return service.getServiceId();
		}
		if (caller instanceof DelegatedAuthentication delegated) {
			return delegated.getServiceId();
		}
		return (caller instanceof UserAuthentication user) ? user.getUserId() : null;
	}

	/**
	 * The status of the answer.
	 * @return 401, 403, or 400 for a malformed request
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Why, as a low-cardinality code (see the class description).
	 * @return the reason code
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * What failed, for logs: the check of an invalid token (such as {@code Jwt expired at
	 * ...}) or the rule that denied; control characters escaped.
	 * @return the detail, or {@code null} when the reason says everything
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

	/**
	 * The request's HTTP method.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The request's path, without its query; control characters escaped.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The kind of caller, for a 403.
	 * @return the kind, or {@code null} when the caller is not known (every 401)
	 */
	public @Nullable CallerType getCallerType() {
		return this.callerType;
	}

	/**
	 * The calling service (or the user, for a user caller), for a 403.
	 * @return the id, or {@code null} when the caller is not known
	 */
	public @Nullable String getCallerId() {
		return this.callerId;
	}

	/**
	 * The request's correlation id.
	 * @return the id, or {@code null} when none was resolved
	 */
	public @Nullable String getCorrelationId() {
		return this.correlationId;
	}

	/**
	 * The refusal as one log line.
	 * @return the line, e.g. {@code s2s request refused: status=401 reason=invalid_token
	 * detail="Jwt expired at ..." method=GET path="/stock" caller=- correlationId="..."}
	 */
	@Override
	public String toString() {
		String caller = (this.callerType != null)
				? this.callerType.name().toLowerCase(Locale.ROOT) + ":" + quote(this.callerId) : "-";
		return "s2s request refused: status=" + this.status + " reason=" + this.reason + " detail=" + quote(this.detail)
				+ " method=" + this.method + " path=" + quote(this.path) + " caller=" + caller + " correlationId="
				+ quote(this.correlationId);
	}

	private static String quote(@Nullable String value) {
		if (value == null) {
			return "-";
		}
		return "\"" + LogSanitizer.sanitize(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
	}

	/**
	 * What a refusal says about its request.
	 */
	record Request(String method, String path, @Nullable String correlationId) {

	}

}
