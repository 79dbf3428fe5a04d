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

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.s2s.security.workload.CertificateThumbprint;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint: {@code client_credentials} and RFC 8693 token exchange, both for an
 * authenticated client only; with a {@code DPoP} proof, the token is bound to the proof's
 * key ({@code cnf.jkt}, {@code token_type: DPoP}).
 *
 * @author s2s-security team
 */
final class TokenEndpoint {

	static final String CLIENT_CREDENTIALS = "client_credentials";

	static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";

	private final TokenContext context;

	private final ClientRegistry clients;

	private final List<String> assertionAudiences;

	private final boolean expiresIn;

	private final String tokenUri;

	TokenEndpoint(TokenContext context, ClientRegistry clients, String tokenUri, boolean expiresIn) {
		this.tokenUri = tokenUri;
		this.context = context;
		this.clients = clients;
		this.assertionAudiences = List.of(tokenUri, context.issuer());
		this.expiresIn = expiresIn;
	}

	IssuerResponse handle(IssuerRequest request) {
		if (!"POST".equals(request.method())) {
			return IssuerResponse.text(405, "Use POST").header("Allow", "POST");
		}
		try {
			if (!request.isForm()) {
				throw OAuthError
					.invalidRequest("The body must be a well-formed application/x-www-form-urlencoded form");
			}
			String grantType = request.param("grant_type");
			if (grantType == null) {
				throw OAuthError.invalidRequest("grant_type is missing");
			}
			String clientId = this.clients.authenticate(request, this.assertionAudiences);
			return switch (grantType) {
				case CLIENT_CREDENTIALS -> clientCredentials(request, clientId);
				case TOKEN_EXCHANGE -> tokenExchange(request, clientId);
				default -> throw OAuthError.unsupportedGrantType("Supported: client_credentials, token exchange");
			};
		}
		catch (OAuthError error) {
			return error.toResponse();
		}
	}

	private IssuerResponse clientCredentials(IssuerRequest request, String clientId) throws OAuthError {
		TokenBuilder token = new TokenBuilder(this.context, TokenDraft.Kind.SERVICE, clientId, clientId);
		return issue(request, token, null, null);
	}

	private IssuerResponse tokenExchange(IssuerRequest request, String clientId) throws OAuthError {
		String subjectToken = request.param("subject_token");
		String subjectTokenType = request.param("subject_token_type");
		String requestedType = request.param("requested_token_type");
		if (subjectToken == null || subjectTokenType == null) {
			throw OAuthError.invalidRequest("subject_token and subject_token_type are required");
		}
		if (!isAccessToken(subjectTokenType) || (requestedType != null && !isAccessToken(requestedType))) {
			throw OAuthError.invalidRequest("Only access tokens (or JWTs) are exchanged");
		}
		if (request.param("actor_token") != null) {
			throw OAuthError.invalidRequest("actor_token is not supported: the authenticated client is the actor");
		}
		Map<String, Object> subject = verifiedClaims(subjectToken);
		Object sub = subject.get("sub");
		Object username = subject.getOrDefault("preferred_username", sub);
		if (!(sub instanceof String) || !(username instanceof String name)) {
			throw OAuthError.invalidGrant("subject_token has no subject");
		}
		TokenBuilder token = new TokenBuilder(this.context, TokenDraft.Kind.DELEGATED, name, clientId)
			.priorActor(jsonObject(subject.get("act")))
			.claim("sub", sub);
		return issue(request, token, scopesOf(subject), (requestedType != null) ? requestedType : ACCESS_TOKEN_TYPE);
	}

	private IssuerResponse issue(IssuerRequest request, TokenBuilder token, @Nullable List<String> defaultScopes,
			@Nullable String issuedTokenType) throws OAuthError {
		List<String> audiences = new ArrayList<>(request.params("audience"));
		audiences.addAll(request.params("resource"));
		if (!audiences.isEmpty()) {
			token.audience(audiences.toArray(String[]::new));
		}
		String scope = request.param("scope");
		List<String> scopes = (scope != null) ? Arrays.asList(scope.trim().split(" +"))
				: (defaultScopes != null) ? defaultScopes : List.of();
		token.scopes(scopes.toArray(String[]::new));
		Map<String, Object> confirmation = new LinkedHashMap<>();
		String jkt = dpopKeyThumbprint(request);
		if (jkt != null) {
			confirmation.put("jkt", jkt);
		}
		if (!request.clientCertificates().isEmpty()) {
			// RFC 8705 section 3: a token requested over mutual TLS is bound to the
			// client's certificate.
			confirmation.put("x5t#S256", CertificateThumbprint.of(request.clientCertificates().get(0)));
		}
		if (!confirmation.isEmpty()) {
			token.claim("cnf", confirmation);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token.sign());
		if (issuedTokenType != null) {
			body.put("issued_token_type", issuedTokenType);
		}
		body.put("token_type", (jkt != null) ? "DPoP" : "Bearer");
		if (this.expiresIn) {
			body.put("expires_in", this.context.lifetime().toSeconds());
		}
		if (!scopes.isEmpty()) {
			body.put("scope", String.join(" ", scopes));
		}
		return IssuerResponse.json(200, body).noStore();
	}

	/**
	 * The thumbprint of the key a DPoP proof on the token request proves (RFC 9449
	 * section 5), checked by Nimbus' own verifier: {@code typ}, signature, {@code htm}
	 * {@code POST}, {@code htu} this endpoint, {@code iat} within a minute, no
	 * {@code ath}. {@code null} without a proof: a bearer token is issued.
	 */
	private @Nullable String dpopKeyThumbprint(IssuerRequest request) throws OAuthError {
		List<String> proofs = request.dpop();
		if (proofs.isEmpty()) {
			return null;
		}
		if (proofs.size() > 1) {
			throw OAuthError.invalidDPoPProof("Send exactly one DPoP proof");
		}
		try {
			DPoPTokenRequestVerifier verifier = new DPoPTokenRequestVerifier(
					DPoPTokenRequestVerifier.SUPPORTED_JWS_ALGORITHMS, URI.create(this.tokenUri), 60, 60, null);
			SignedJWT proof = SignedJWT.parse(proofs.get(0));
			return verifier.verify(new DPoPIssuer("client"), proof, (Nonce) null).getValue().toString();
		}
		catch (ParseException | InvalidDPoPProofException | JOSEException ex) {
			throw OAuthError.invalidDPoPProof("Invalid DPoP proof: " + ex.getMessage());
		}
	}

	/**
	 * The claims of a token this issuer signed with a key it still publishes, and that is
	 * valid now.
	 */
	private Map<String, Object> verifiedClaims(String token) throws OAuthError {
		Map<String, Object> claims;
		try {
			JWSObject jws = JWSObject.parse(token);
			if (!this.context.keys().verify(jws)) {
				throw OAuthError.invalidGrant("subject_token is not signed by this issuer");
			}
			claims = jws.getPayload().toJSONObject();
		}
		catch (ParseException ex) {
			throw OAuthError.invalidGrant("subject_token is not a JWT");
		}
		long now = this.context.clock().instant().getEpochSecond();
		if (claims == null || !this.context.issuer().equals(claims.get("iss"))
				|| !(claims.get("exp") instanceof Number exp) || exp.longValue() <= now
				|| (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now)) {
			throw OAuthError.invalidGrant("subject_token is expired, not yet valid or from another issuer");
		}
		return claims;
	}

	private static boolean isAccessToken(String tokenType) {
		return ACCESS_TOKEN_TYPE.equals(tokenType) || JWT_TYPE.equals(tokenType);
	}

	private static @Nullable List<String> scopesOf(Map<String, Object> claims) {
		Object scope = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
		if (scope instanceof String string) {
			return List.of(string.split(" "));
		}
		if (scope instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> jsonObject(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

}
