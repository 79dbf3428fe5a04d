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
package dev.s2s.security.dpop;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.s2s.security.caller.CallerAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.Assert;

/**
 * The rules of sender-constrained tokens, the same on both stacks (their adapters are in
 * the s2s configurers): a request with {@code Authorization: DPoP} must carry a valid,
 * unused proof of the key its token is bound to ({@code cnf.jkt}); a bound token sent as
 * a plain bearer token is refused (RFC 9449 section 7.1), and so is every bearer token
 * when DPoP is {@linkplain #isRequired() required}.
 *
 * <p>
 * The proof is checked by Spring Security's own {@link DPoPAuthenticationProvider}, with
 * the verifier factory s2s-security configures (a {@link DPoPProofDecoderFactory}), after
 * the token itself was authenticated as any bearer token. Refusals are
 * {@link OAuth2AuthenticationException}s: {@code invalid_dpop_proof} for the proof,
 * {@code invalid_token} for a token that needs DPoP; both carry {@link #ERROR_URI}, so
 * that the answer is a {@code DPoP} challenge. A proof whose replay could not be checked
 * is a {@link DPoPReplayUnavailableException}.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class DPoPBinding {

	/** The URI of every DPoP error: RFC 9449, section 7.1. */
	public static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc9449#section-7.1";

	/** The description of a bound token sent as a bearer token. */
	public static final String BOUND_TOKEN_AS_BEARER = "The access token is bound to a DPoP key: send it with "
			+ "'Authorization: DPoP' and a DPoP proof";

	/** The description of a bearer token where DPoP is required. */
	public static final String DPOP_REQUIRED = "This service accepts DPoP-bound access tokens only: send "
			+ "'Authorization: DPoP' and a DPoP proof";

	private static final int MAX_DESCRIPTION_LENGTH = 200;

	private final DPoPProofDecoderFactory proofs;

	private final boolean required;

	private final List<String> algorithms;

	/**
	 * Create the rules.
	 * @param proofs how proofs are verified
	 * @param required whether bearer tokens are refused
	 */
	public DPoPBinding(DPoPProofDecoderFactory proofs, boolean required) {
		Assert.notNull(proofs, "proofs cannot be null");
		this.proofs = proofs;
		this.required = required;
		this.algorithms = proofs.getAlgorithms().stream().map(JWSAlgorithm::getName).sorted().toList();
	}

	/**
	 * Whether only DPoP-bound tokens are accepted.
	 * @return whether bearer tokens are refused
	 */
	public boolean isRequired() {
		return this.required;
	}

	/**
	 * The accepted proof algorithms, for the {@code algs} of a {@code DPoP} challenge and
	 * the resource's metadata.
	 * @return the names, sorted
	 */
	public List<String> getAlgorithms() {
		return this.algorithms;
	}

	/**
	 * Check the proof of a DPoP request whose token was authenticated.
	 * @param <A> the type of authentication
	 * @param caller the token's authentication, with the verified token
	 * @param request the request's token, proof, method and URI
	 * @return the caller, when the proof holds
	 * @throws OAuth2AuthenticationException {@code invalid_dpop_proof} naming the failed
	 * check
	 * @throws DPoPReplayUnavailableException when the proof's replay could not be checked
	 */
	public <A extends Authentication> A verify(A caller, DPoPAuthenticationToken request) {
		Jwt token = tokenOf(caller);
		if (token == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
					"Only JWT access tokens can be DPoP-bound", ERROR_URI));
		}
		// Spring Security's provider builds the proof context and runs the validators;
		// the
		// token was authenticated already.
		DPoPAuthenticationProvider provider = new DPoPAuthenticationProvider(
				(authentication) -> new JwtAuthenticationToken(token));
		provider.setDPoPProofVerifierFactory(this.proofs);
		try {
			provider.authenticate(request);
		}
		catch (OAuth2AuthenticationException ex) {
			throw explained(ex);
		}
		catch (IllegalArgumentException ex) {
			// DPoPProofContext refuses an unknown method or a URI it cannot parse.
			throw invalidProof("The request's method or URI cannot be checked");
		}
		return caller;
	}

	/**
	 * Check a request whose token came as a bearer token.
	 * @param caller the token's authentication
	 * @throws OAuth2AuthenticationException {@code invalid_token} when the token is bound
	 * to a key, or when DPoP is required
	 */
	public void checkBearer(Authentication caller) {
		Jwt token = tokenOf(caller);
		if (token != null && isBound(token)) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, BOUND_TOKEN_AS_BEARER, ERROR_URI));
		}
		if (this.required) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, DPOP_REQUIRED, ERROR_URI));
		}
	}

	/**
	 * Whether a token is bound to a DPoP key: it has a {@code cnf} claim with a
	 * {@code jkt} member.
	 * @param token the token
	 * @return whether it is bound
	 */
	public static boolean isBound(Jwt token) {
		Object cnf = token.getClaims().get("cnf");
		return cnf instanceof Map<?, ?> confirmation && confirmation.get("jkt") != null;
	}

	/**
	 * Whether an error is one of DPoP's, to be answered with a {@code DPoP} challenge.
	 * @param error the error
	 * @return whether it carries {@link #ERROR_URI}
	 */
	public static boolean isDPoPError(OAuth2Error error) {
		return ERROR_URI.equals(error.getUri());
	}

	private static @Nullable Jwt tokenOf(Authentication caller) {
		if (caller instanceof CallerAuthentication authentication) {
			return authentication.getToken();
		}
		if (caller instanceof AbstractOAuth2TokenAuthenticationToken<?> token && token.getToken() instanceof Jwt jwt) {
			return jwt;
		}
		return null;
	}

	/**
	 * Spring's provider wraps every failure of the proof in an error without description;
	 * the description is the failed check's.
	 */
	private static RuntimeException explained(OAuth2AuthenticationException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof DPoPReplayUnavailableException unavailable) {
				return unavailable;
			}
		}
		if (!OAuth2ErrorCodes.INVALID_DPOP_PROOF.equals(ex.getError().getErrorCode())) {
			return ex;
		}
		String description = ex.getError().getDescription();
		Throwable cause = ex.getCause();
		if (cause instanceof JwtValidationException invalid && !invalid.getErrors().isEmpty()) {
			description = invalid.getErrors().iterator().next().getDescription();
		}
		else if (cause != null && cause.getMessage() != null) {
			description = cause.getMessage();
		}
		return invalidProof((description != null) ? description : "The DPoP proof is invalid");
	}

	private static OAuth2AuthenticationException invalidProof(String description) {
		String shortened = (description.length() > MAX_DESCRIPTION_LENGTH)
				? description.substring(0, MAX_DESCRIPTION_LENGTH) : description;
		return new OAuth2AuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, shortened, ERROR_URI));
	}

}
