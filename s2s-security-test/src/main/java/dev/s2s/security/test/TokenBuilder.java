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

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.workload.CertificateThumbprint;
import org.jspecify.annotations.Nullable;

/**
 * A token to sign: a service, user or delegated token of a {@link FakeTokenIssuer}. By
 * default it is a token a correct resource server accepts: issued now by the issuer,
 * valid for the issuer's token lifetime, for the audience of the client it was issued to,
 * signed with the issuer's current default key, in the shape of the issuer's identity
 * provider. Every setter returns this builder; {@link #sign()} can be called more than
 * once and gives a fresh {@code jti} each time.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class TokenBuilder {

	private final TokenContext context;

	private final TokenDraft.Kind kind;

	private final String name;

	private String client;

	private List<String> audiences = List.of();

	private List<String> scopes = List.of();

	private List<String> roles = List.of();

	private TokenShape shape;

	private SigningAlgorithm algorithm;

	private @Nullable String signingKeyId;

	private @Nullable Duration lifetime;

	private @Nullable Instant issuedAt;

	private @Nullable Instant notBefore;

	private @Nullable Instant expiresAt;

	private boolean withoutExpiry;

	private @Nullable Map<String, Object> priorActor;

	private final Map<String, @Nullable Object> claims = new LinkedHashMap<>();

	private final Map<String, @Nullable Object> headers = new LinkedHashMap<>();

	TokenBuilder(TokenContext context, TokenDraft.Kind kind, String name, String client) {
		Args.hasText(name, "name");
		Args.hasText(client, "client");
		this.context = context;
		this.kind = kind;
		this.name = name;
		this.client = client;
		this.shape = context.shape();
		this.algorithm = context.keys().defaultAlgorithm();
	}

	private TokenBuilder(TokenBuilder source) {
		this(source.context, source.kind, source.name, source.client);
		this.audiences = source.audiences;
		this.scopes = source.scopes;
		this.roles = source.roles;
		this.shape = source.shape;
		this.algorithm = source.algorithm;
		this.signingKeyId = source.signingKeyId;
		this.lifetime = source.lifetime;
		this.issuedAt = source.issuedAt;
		this.notBefore = source.notBefore;
		this.expiresAt = source.expiresAt;
		this.withoutExpiry = source.withoutExpiry;
		this.priorActor = source.priorActor;
		this.claims.putAll(source.claims);
		this.headers.putAll(source.headers);
	}

	/**
	 * Sets the {@code aud} claim. One audience is written as a string, several as an
	 * array. The default is the client the token was issued to.
	 * @param audiences the audiences
	 * @return this builder
	 */
	public TokenBuilder audience(String... audiences) {
		Args.isTrue(audiences.length > 0, "audiences cannot be empty");
		this.audiences = List.of(audiences);
		return this;
	}

	/**
	 * Sets the granted scopes, written as the shape writes them (a string or an array).
	 * @param scopes the scopes
	 * @return this builder
	 */
	public TokenBuilder scopes(String... scopes) {
		this.scopes = List.of(scopes);
		return this;
	}

	/**
	 * Sets the granted roles, written where the shape puts roles.
	 * @param roles the roles
	 * @return this builder
	 */
	public TokenBuilder roles(String... roles) {
		this.roles = List.of(roles);
		return this;
	}

	/**
	 * Sets the client a user token was issued to ({@code client_id}, {@code azp} or
	 * {@code cid}, per shape). The default for user tokens is {@code web-app}.
	 * @param clientId the client id
	 * @return this builder
	 */
	public TokenBuilder clientId(String clientId) {
		Args.hasText(clientId, "clientId");
		this.client = clientId;
		return this;
	}

	/**
	 * Sets the identity provider whose tokens this one mimics.
	 * @param provider the provider
	 * @return this builder
	 */
	public TokenBuilder provider(IdentityProvider provider) {
		this.shape = TokenShape.of(Args.notNull(provider, "provider"));
		return this;
	}

	/**
	 * Signs with the issuer's current key for this algorithm; a key is created and
	 * published on first use.
	 * @param algorithm the algorithm
	 * @return this builder
	 */
	public TokenBuilder algorithm(SigningAlgorithm algorithm) {
		Args.notNull(algorithm, "algorithm");
		this.algorithm = algorithm;
		this.signingKeyId = null;
		return this;
	}

	/**
	 * Signs with a particular key of the issuer, including a retired one.
	 * @param keyId the {@code kid} of the key
	 * @return this builder
	 */
	public TokenBuilder signingKey(String keyId) {
		this.context.keys().key(keyId);
		this.signingKeyId = keyId;
		return this;
	}

	/**
	 * Sets how long the token is valid after it was issued.
	 * @param lifetime the lifetime
	 * @return this builder
	 */
	public TokenBuilder lifetime(Duration lifetime) {
		Args.notNull(lifetime, "lifetime");
		this.lifetime = lifetime;
		return this;
	}

	/**
	 * Sets {@code iat}. The default is now, by the issuer's clock.
	 * @param issuedAt the issue time
	 * @return this builder
	 */
	public TokenBuilder issuedAt(Instant issuedAt) {
		Args.notNull(issuedAt, "issuedAt");
		this.issuedAt = issuedAt;
		return this;
	}

	/**
	 * Sets {@code nbf}, also for shapes that do not have one by default.
	 * @param notBefore the start of validity
	 * @return this builder
	 */
	public TokenBuilder notBefore(Instant notBefore) {
		Args.notNull(notBefore, "notBefore");
		this.notBefore = notBefore;
		return this;
	}

	/**
	 * Sets {@code exp}, overriding the lifetime.
	 * @param expiresAt the expiry
	 * @return this builder
	 */
	public TokenBuilder expiresAt(Instant expiresAt) {
		Args.notNull(expiresAt, "expiresAt");
		this.expiresAt = expiresAt;
		this.withoutExpiry = false;
		return this;
	}

	/**
	 * Leaves out {@code exp}.
	 * @return this builder
	 */
	public TokenBuilder withoutExpiry() {
		this.withoutExpiry = true;
		this.expiresAt = null;
		return this;
	}

	/**
	 * Sets the {@code typ} header, overriding the shape's.
	 * @param type the type, for example {@code JWT} or {@code at+jwt}
	 * @return this builder
	 */
	public TokenBuilder type(String type) {
		return header("typ", type);
	}

	/**
	 * Leaves out the {@code typ} header.
	 * @return this builder
	 */
	public TokenBuilder withoutType() {
		return header("typ", null);
	}

	/**
	 * Sets a claim, overriding the shape's; any JSON value (string, number, boolean,
	 * list, map).
	 * @param name the claim name
	 * @param value the value, or {@code null} to leave the claim out
	 * @return this builder
	 */
	public TokenBuilder claim(String name, @Nullable Object value) {
		Args.hasText(name, "name");
		this.claims.put(name, value);
		return this;
	}

	/**
	 * Binds the token to a DPoP key (RFC 9449): {@code cnf.jkt} is the key's thumbprint,
	 * so that the token is accepted only with a proof signed by that key.
	 * @param key the client's DPoP key
	 * @return this builder
	 */
	public TokenBuilder boundTo(DPoPKey key) {
		Args.notNull(key, "key");
		return claim("cnf", Map.of("jkt", key.thumbprint()));
	}

	/**
	 * Binds the token to a client certificate (RFC 8705): {@code cnf} with the
	 * certificate's {@code x5t#S256} thumbprint.
	 * @param certificate the certificate the token is bound to
	 * @return this builder
	 * @since 0.4.0
	 */
	public TokenBuilder certificateBound(X509Certificate certificate) {
		Args.notNull(certificate, "certificate");
		return claim("cnf", Map.of("x5t#S256", CertificateThumbprint.of(certificate)));
	}

	/**
	 * Sets a JOSE header parameter; {@code alg} is always the signing algorithm's.
	 * @param name the header name, for example {@code kid} or {@code typ}
	 * @param value the value, or {@code null} to leave the header out
	 * @return this builder
	 */
	public TokenBuilder header(String name, @Nullable Object value) {
		Args.hasText(name, "name");
		Args.isTrue(!"alg".equals(name), "alg follows the signing key; use algorithm(...)");
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Signs the token.
	 * @return the compact serialization ({@code header.payload.signature})
	 */
	public String sign() {
		return KeyRing.sign(signingKey(), header(), claims());
	}

	/**
	 * Deliberately broken variants of this token, each bad in exactly one way.
	 * @return the bad variants
	 */
	public BadTokens bad() {
		return new BadTokens(this);
	}

	TokenBuilder copy() {
		return new TokenBuilder(this);
	}

	TokenBuilder priorActor(@Nullable Map<String, Object> priorActor) {
		this.priorActor = priorActor;
		return this;
	}

	TokenContext context() {
		return this.context;
	}

	SigningAlgorithm algorithm() {
		return KeyRing.algorithmOf(signingKey());
	}

	JWK signingKey() {
		return (this.signingKeyId != null) ? this.context.keys().key(this.signingKeyId)
				: this.context.keys().activeKey(this.algorithm);
	}

	Map<String, Object> header() {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("typ", this.shape.type());
		header.putAll(this.headers);
		header.values().removeIf((value) -> value == null);
		return header;
	}

	Map<String, Object> claims() {
		Instant now = this.context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
		Instant iat = (this.issuedAt != null) ? this.issuedAt : now;
		Duration validity = (this.lifetime != null) ? this.lifetime : this.context.lifetime();
		Instant exp = this.withoutExpiry ? null : (this.expiresAt != null) ? this.expiresAt : iat.plus(validity);
		List<String> aud = this.audiences.isEmpty() ? List.of(this.client) : this.audiences;
		TokenDraft draft = new TokenDraft(this.kind, this.context.issuer(), this.name, this.client, aud, this.scopes,
				this.roles, iat, this.notBefore, exp, this.priorActor, UUID.randomUUID().toString());
		Map<String, Object> claims = this.shape.claims(draft);
		claims.putAll(this.claims);
		claims.values().removeIf((value) -> value == null);
		return claims;
	}

}
