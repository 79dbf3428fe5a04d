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

package dev.s2s.security.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * Asks the token endpoint for one token. Nimbus builds the request (grant, client
 * authentication, {@code resource}/{@code audience}) and parses the response; the JDK
 * HTTP client carries it with connect and read timeouts, no redirects and a bounded body.
 * Every failure becomes a {@link ServiceTokenException} that names neither the endpoint
 * nor the response body.
 *
 * @author s2s-security team
 */
final class TokenEndpointClient {

	private final HttpClient http;

	private final @Nullable URI tokenUri;

	private final @Nullable URI issuerUri;

	private final ClientCredentials credentials;

	private final TokenSettings settings;

	private final Clock clock;

	private final AtomicReference<@Nullable CompletableFuture<URI>> discovered = new AtomicReference<>();

	TokenEndpointClient(@Nullable URI tokenUri, @Nullable URI issuerUri, ClientCredentials credentials,
			TokenSettings settings, Clock clock, Executor executor) {
		this.tokenUri = tokenUri;
		this.issuerUri = issuerUri;
		this.credentials = credentials;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(executor)
			.build();
	}

	CompletableFuture<CachedToken> fetch(TokenKey key) {
		return tokenUri().thenCompose((uri) -> send(tokenRequest(uri, key)))
			.thenApply((response) -> toToken(response, key))
			.orTimeout(this.settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
			.exceptionally((ex) -> {
				throw failure(ex);
			});
	}

	private HttpRequest tokenRequest(URI uri, TokenKey key) {
		TokenRequest.Builder builder = new TokenRequest.Builder(uri, this.credentials.authentication(uri), grant(key));
		if (!key.scopes().isEmpty()) {
			builder.scope(new Scope(key.scopes().toArray(String[]::new)));
		}
		String audience = key.audience();
		if (audience != null) {
			if (this.settings.audienceParameter().sendsResource() && isAbsoluteUri(audience)) {
				builder.resource(URI.create(audience));
			}
			if (this.settings.audienceParameter().sendsAudience() && key.subjectToken() == null) {
				// Token exchange carries 'audience' in the grant itself.
				builder.customParameter("audience", audience);
			}
		}
		HTTPRequest request = builder.build().toHTTPRequest();
		HttpRequest.Builder http = HttpRequest.newBuilder(request.getURI())
			.timeout(this.settings.readTimeout())
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request.getBody(), StandardCharsets.UTF_8));
		request.getHeaderMap().forEach((name, values) -> values.forEach((value) -> http.header(name, value)));
		return http.build();
	}

	private AuthorizationGrant grant(TokenKey key) {
		String subject = key.subjectToken();
		if (subject == null) {
			return new ClientCredentialsGrant();
		}
		String audience = key.audience();
		List<Audience> audiences = (audience != null && this.settings.audienceParameter().sendsAudience())
				? List.of(new Audience(audience)) : null;
		return new TokenExchangeGrant(new TypelessAccessToken(subject), TokenTypeURI.ACCESS_TOKEN, null, null,
				TokenTypeURI.ACCESS_TOKEN, audiences);
	}

	private CompletableFuture<Response> send(HttpRequest request) {
		return this.http.sendAsync(request, BoundedBodySubscriber.handler(this.settings.maxResponseSize()))
			.thenApply((response) -> new Response(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null),
					new String(response.body(), StandardCharsets.UTF_8)));
	}

	private CachedToken toToken(Response response, TokenKey key) {
		TokenResponse parsed;
		try {
			parsed = TokenResponse.parse(response.toNimbus());
		}
		catch (ParseException ex) {
			throw malformed(response);
		}
		if (!parsed.indicatesSuccess()) {
			ErrorObject error = parsed.toErrorResponse().getErrorObject();
			String code = (error != null) ? safeCode(error.getCode()) : null;
			throw new ServiceTokenException("The token endpoint refused the request: HTTP " + response.status()
					+ ((code != null) ? ", error '" + code + "'" : ""));
		}
		if (response.status() != 200) {
			throw malformed(response);
		}
		AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
		if (!AccessTokenType.BEARER.equals(token.getType()) || token.getValue().isBlank()) {
			throw new ServiceTokenException("The token endpoint issued a token that is not a bearer token");
		}
		Instant now = this.clock.instant();
		Instant expiresAt = expiresAt(token, now);
		String subject = key.subjectToken();
		Instant subjectExpiresAt = (subject != null) ? jwtExpiry(subject) : null;
		if (subjectExpiresAt != null && subjectExpiresAt.isBefore(expiresAt)) {
			// A delegated token must not outlive the caller's own.
			expiresAt = subjectExpiresAt;
		}
		if (!expiresAt.isAfter(now)) {
			throw new ServiceTokenException("The token endpoint issued a token that has already expired");
		}
		return CachedToken.of(token.getValue(), now, expiresAt, this.settings.renewAtFraction());
	}

	private Instant expiresAt(AccessToken token, Instant now) {
		if (token.getLifetime() > 0) {
			return now.plusSeconds(token.getLifetime());
		}
		// No expires_in: trust the JWT's own exp, else a bounded default; never 1 s.
		Instant exp = jwtExpiry(token.getValue());
		Duration fallback = this.settings.defaultTokenLifetime();
		return (exp != null && exp.isAfter(now)) ? exp : now.plus(fallback);
	}

	private static @Nullable Instant jwtExpiry(String value) {
		try {
			Date exp = JWTParser.parse(value).getJWTClaimsSet().getExpirationTime();
			return (exp != null) ? exp.toInstant() : null;
		}
		catch (java.text.ParseException ex) {
			return null;
		}
	}

	private CompletableFuture<URI> tokenUri() {
		if (this.tokenUri != null) {
			return CompletableFuture.completedFuture(this.tokenUri);
		}
		CompletableFuture<URI> current = this.discovered.get();
		if (current != null && !current.isCompletedExceptionally()) {
			return current;
		}
		CompletableFuture<URI> next = new CompletableFuture<>();
		if (!this.discovered.compareAndSet(current, next)) {
			return tokenUri();
		}
		discover().whenComplete((uri, ex) -> {
			if (ex != null) {
				next.completeExceptionally(ex);
			}
			else {
				next.complete(uri);
			}
		});
		return next;
	}

	private CompletableFuture<URI> discover() {
		URI issuer = this.issuerUri;
		if (issuer == null) {
			return CompletableFuture.failedFuture(new ServiceTokenException("No token endpoint is configured"));
		}
		String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
		URI oidc = URI.create(base + ".well-known/openid-configuration");
		URI oauth = URI.create(base + ".well-known/oauth-authorization-server");
		return get(oidc)
			.thenCompose(
					(response) -> (response.status() == 404) ? get(oauth) : CompletableFuture.completedFuture(response))
			.thenApply((response) -> {
				try {
					if (response.status() != 200) {
						throw new ParseException("status");
					}
					AuthorizationServerMetadata metadata = AuthorizationServerMetadata
						.parse(JSONObjectUtils.parse(response.body()));
					if (!stripSlash(metadata.getIssuer().getValue()).equals(stripSlash(issuer.toString()))
							|| metadata.getTokenEndpointURI() == null) {
						throw new ParseException("issuer");
					}
					return metadata.getTokenEndpointURI();
				}
				catch (ParseException ex) {
					throw new ServiceTokenException("The issuer's discovery document is unusable (HTTP "
							+ response.status() + "); check s2s.security.outbound.issuer-uri");
				}
			});
	}

	private CompletableFuture<Response> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).timeout(this.settings.readTimeout()).GET().build());
	}

	private static String stripSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static boolean isAbsoluteUri(String value) {
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() && uri.getFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static @Nullable String safeCode(@Nullable String code) {
		// The code is the provider's text: keep it only if it looks like an OAuth code.
		return (code != null && code.matches("[a-z_]{1,64}")) ? code : null;
	}

	private static ServiceTokenException malformed(Response response) {
		String type = (response.contentType() != null) ? response.contentType().split(";")[0].strip() : "no type";
		if (type.length() > 64) {
			type = "unknown type";
		}
		return new ServiceTokenException(
				"The token endpoint answered HTTP " + response.status() + " with a body that is not a token response ("
						+ type + ", " + response.body().length() + " characters)");
	}

	static ServiceTokenException failure(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof ServiceTokenException serviceTokenException) {
			return serviceTokenException;
		}
		if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
			return new ServiceTokenException("The token endpoint did not answer in time");
		}
		if (cause instanceof BoundedBodySubscriber.ResponseTooLargeException) {
			return new ServiceTokenException("The token endpoint's response was too large: " + cause.getMessage());
		}
		if (cause instanceof IOException) {
			return new ServiceTokenException(
					"The token endpoint could not be reached (" + cause.getClass().getSimpleName() + ")");
		}
		return new ServiceTokenException("The token request failed (" + cause.getClass().getSimpleName() + ")");
	}

	private record Response(int status, @Nullable String contentType, String body) {

		HTTPResponse toNimbus() {
			HTTPResponse response = new HTTPResponse(this.status);
			if (this.contentType != null) {
				response.setHeader("Content-Type", this.contentType);
			}
			response.setBody(this.body);
			return response;
		}

	}

	/**
	 * Settings of token requests, chosen by {@link ServiceTokens.Builder}.
	 */
	record TokenSettings(Duration connectTimeout, Duration readTimeout, Duration deadline, int maxResponseSize,
			Duration defaultTokenLifetime, double renewAtFraction, AudienceParameter audienceParameter) {

	}

}
