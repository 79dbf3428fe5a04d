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
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.s2s.security.discovery.IssuerMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Asks the token endpoint for one token. Nimbus builds the request (grant, client
 * authentication, {@code resource}/{@code audience}) and parses the response; the JDK
 * HTTP client carries it with connect and read timeouts, no redirects, a bounded body
 * and, when one is configured, the TLS context of the token endpoint connection (its
 * client certificate authenticates the client for {@code tls_client_auth}). At the
 * deadline the exchange itself is aborted, so that a dribbling endpoint never has more
 * than one request per token open. An issued token is used only if it is a valid RFC 6750
 * bearer value, and for at most the longest lifetime configured. Every failure becomes a
 * {@link ServiceTokenException} that names the target and the client, never the endpoint,
 * a token or the response body; a {@code 429} or {@code 503} carries its
 * {@code Retry-After}.
 *
 * @author s2s-security team
 */
final class TokenEndpointClient {

	/** Larger than any real access token. */
	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	/** RFC 6750 section 2.1. */
	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	private final Supplier<@Nullable SSLContext> sslContext;

	private volatile Connection connection;

	private final @Nullable URI tokenUri;

	private final @Nullable URI issuerUri;

	private final ClientCredentials credentials;

	private final TokenSettings settings;

	private final Clock clock;

	private final Executor executor;

	private final AtomicReference<@Nullable CompletableFuture<URI>> discovered = new AtomicReference<>();

	private final @Nullable DPoPProofs dpop;

	TokenEndpointClient(@Nullable URI tokenUri, @Nullable URI issuerUri, ClientCredentials credentials,
			TokenSettings settings, Clock clock, Executor executor, @Nullable DPoPProofs dpop,
			Supplier<@Nullable SSLContext> sslContext) {
		this.dpop = dpop;
		this.tokenUri = tokenUri;
		this.issuerUri = issuerUri;
		this.credentials = credentials;
		this.settings = settings;
		this.clock = clock;
		this.executor = executor;
		this.sslContext = sslContext;
		this.connection = connect(sslContext.get());
	}

	private Connection connect(@Nullable SSLContext context) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(this.executor);
		if (context != null) {
			builder.sslContext(context);
		}
		return new Connection(context, builder.build());
	}

	/**
	 * The client for the current TLS context: a new one when the context changed (a
	 * rotated client certificate), so the next connection presents the new certificate.
	 */
	private HttpClient http() {
		SSLContext context = this.sslContext.get();
		Connection current = this.connection;
		if (current.context() != context) {
			synchronized (this) {
				current = this.connection;
				if (current.context() != context) {
					current = connect(context);
					this.connection = current;
				}
			}
		}
		return current.http();
	}

	/**
	 * Fetch a token.
	 * @param key what the token is for
	 * @param target the target asking, for messages
	 * @return the token, or a {@link ServiceTokenException} naming the target and client
	 */
	CompletableFuture<CachedToken> fetch(TokenKey key, String target) {
		CompletableFuture<CachedToken> result = new CompletableFuture<>();
		AtomicReference<@Nullable CompletableFuture<?>> exchange = new AtomicReference<>();
		tokenUri().thenCompose((uri) -> send(tokenRequest(uri, key), exchange).thenCompose((response) -> {
			// RFC 9449 section 8: the server asks for a nonce once; the request is made
			// again
			// with it.
			if (key.dpop() && this.dpop != null && response.asksForNonce() && this.dpop.nonce(uri, response.nonce())) {
				return send(tokenRequest(uri, key), exchange);
			}
			return CompletableFuture.completedFuture(response);
		})).thenApply((response) -> toToken(response, key)).whenComplete((token, ex) -> {
			if (ex == null) {
				result.complete(token);
			}
			else {
				result.completeExceptionally(failure(ex).forTarget(target, key.clientId()));
			}
		});
		CompletableFuture.delayedExecutor(this.settings.deadline().toMillis(), TimeUnit.MILLISECONDS, this.executor)
			.execute(() -> {
				if (!result.isDone()) {
					// Cancelling the future sendAsync returned aborts the exchange (JDK
					// 16+); a dependent stage would not. Done before the failure is
					// published, so the single-flight slot is held until then.
					CompletableFuture<?> inFlight = exchange.get();
					if (inFlight != null) {
						inFlight.cancel(true);
					}
					result.completeExceptionally(new ServiceTokenException("the token endpoint did not answer in time")
						.forTarget(target, key.clientId()));
				}
			});
		return result;
	}

	private HttpRequest tokenRequest(URI uri, TokenKey key) {
		TokenRequest.Builder builder = new TokenRequest.Builder(uri, this.credentials.authentication(uri), grant(key));
		if (!key.scopes().isEmpty()) {
			builder.scope(new Scope(key.scopes().toArray(String[]::new)));
		}
		String audience = key.audience();
		if (audience != null) {
			AudienceParameter parameter = audienceParameter(key);
			if (parameter.sendsResource() && isAbsoluteUri(audience)) {
				builder.resource(URI.create(audience));
			}
			if (parameter.sendsAudience() && key.subjectToken() == null) {
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
		if (key.dpop()) {
			http.header(DPoPProofs.DPOP, dpop().proof("POST", uri, null));
		}
		return http.build();
	}

	private DPoPProofs dpop() {
		if (this.dpop == null) {
			throw new ServiceTokenException("no DPoP key");
		}
		return this.dpop;
	}

	private AuthorizationGrant grant(TokenKey key) {
		String subject = key.subjectToken();
		if (subject == null) {
			return new ClientCredentialsGrant();
		}
		String audience = key.audience();
		List<Audience> audiences = (audience != null && audienceParameter(key).sendsAudience())
				? List.of(new Audience(audience)) : null;
		return new TokenExchangeGrant(new TypelessAccessToken(subject), TokenTypeURI.ACCESS_TOKEN, null, null,
				TokenTypeURI.ACCESS_TOKEN, audiences);
	}

	private CompletableFuture<Response> send(HttpRequest request,
			AtomicReference<@Nullable CompletableFuture<?>> exchange) {
		CompletableFuture<HttpResponse<byte[]>> sent = http().sendAsync(request,
				BoundedBodySubscriber.handler(this.settings.maxResponseSize()));
		exchange.set(sent);
		return sent.thenApply((response) -> new Response(response.statusCode(),
				response.headers().firstValue("Content-Type").orElse(null),
				response.headers().firstValue("Retry-After").orElse(null),
				new String(response.body(), StandardCharsets.UTF_8),
				response.headers().firstValue(DPoPProofs.NONCE).orElse(null)));
	}

	private CachedToken toToken(Response response, TokenKey key) {
		if (response.status() == 429 || response.status() == 503) {
			throw new ServiceTokenException.RetryLater("the token endpoint is unavailable: HTTP " + response.status(),
					RetryAfter.parse(response.retryAfter(), this.clock));
		}
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
			throw new ServiceTokenException("the token endpoint refused the request: HTTP " + response.status()
					+ ((code != null) ? ", error '" + code + "'" : ""));
		}
		if (response.status() != 200) {
			throw malformed(response);
		}
		AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
		if (key.dpop() && !AccessTokenType.DPOP.equals(token.getType())) {
			throw new ServiceTokenException("the token endpoint issued a " + token.getType()
					+ " token where the target requires a DPoP-bound token; does the identity provider support "
					+ "DPoP (RFC 9449) for this client?");
		}
		if ((!key.dpop() && !AccessTokenType.BEARER.equals(token.getType())) || token.getValue().isBlank()) {
			throw new ServiceTokenException("the token endpoint issued a token that is not a bearer token");
		}
		if (token.getValue().length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token.getValue()).matches()) {
			// Never quoted: it is a credential, and its bytes could forge a header or a
			// log line.
			throw new ServiceTokenException(
					"the token endpoint issued an access token that is not a valid bearer value (RFC 6750 b64token)");
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
			throw new ServiceTokenException("the token endpoint issued a token that has already expired");
		}
		return CachedToken.of(token.getValue(), now, expiresAt, this.settings.renewAtFraction(), key.dpop());
	}

	private Instant expiresAt(AccessToken token, Instant now) {
		Instant latest = now.plus(this.settings.maxTokenLifetime());
		if (token.getLifetime() > 0) {
			// Saturated: 'expires_in: 1e12' is a day, not an overflow.
			return (token.getLifetime() >= this.settings.maxTokenLifetime().getSeconds()) ? latest
					: now.plusSeconds(token.getLifetime());
		}
		// No expires_in: trust the JWT's own exp, else a bounded default; never 1 s.
		Instant exp = jwtExpiry(token.getValue());
		Instant expiresAt = (exp != null && exp.isAfter(now)) ? exp : now.plus(this.settings.defaultTokenLifetime());
		return expiresAt.isAfter(latest) ? latest : expiresAt;
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
			return CompletableFuture.failedFuture(new ServiceTokenException("no token endpoint is configured"));
		}
		ResourceRetriever retriever = new DefaultResourceRetriever((int) this.settings.connectTimeout().toMillis(),
				(int) this.settings.readTimeout().toMillis(), this.settings.maxResponseSize());
		return CompletableFuture.supplyAsync(() -> {
			try {
				return IssuerMetadata.uri(IssuerMetadata.fetch(issuer.toString(), retriever), "token_endpoint");
			}
			catch (IOException ex) {
				throw new ServiceTokenException(
						ex.getMessage() + "; check s2s.security.outbound.issuer-uri (it must be the exact 'issuer')");
			}
		}, this.executor);
	}

	private AudienceParameter audienceParameter(TokenKey key) {
		AudienceParameter parameter = key.audienceParameter();
		return (parameter != null) ? parameter : this.settings.audienceParameter();
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
				"the token endpoint answered HTTP " + response.status() + " with a body that is not a token response ("
						+ type + ", " + response.body().length() + " characters)");
	}

	static ServiceTokenException failure(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof ServiceTokenException serviceTokenException) {
			return serviceTokenException;
		}
		if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
			return new ServiceTokenException("the token endpoint did not answer in time");
		}
		if (cause instanceof BoundedBodySubscriber.ResponseTooLargeException) {
			return new ServiceTokenException("the token endpoint's response was too large: " + cause.getMessage());
		}
		if (cause instanceof IOException) {
			return new ServiceTokenException(
					"the token endpoint could not be reached (" + cause.getClass().getSimpleName() + ")");
		}
		return new ServiceTokenException("the token request failed (" + cause.getClass().getSimpleName() + ")");
	}

	private record Response(int status, @Nullable String contentType, @Nullable String retryAfter, String body,
			@Nullable String nonce) {

		/** {@code 400 use_dpop_nonce} with a nonce (RFC 9449 section 8). */
		boolean asksForNonce() {
			return this.status == 400 && this.nonce != null && this.body.contains("\"use_dpop_nonce\"");
		}

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
			Duration defaultTokenLifetime, Duration maxTokenLifetime, double renewAtFraction,
			AudienceParameter audienceParameter) {

	}

	private record Connection(@Nullable SSLContext context, HttpClient http) {

	}

}
