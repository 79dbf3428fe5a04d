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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.jwk.JWK;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.s2s.security.caller.IdentityProvider;
import org.jspecify.annotations.Nullable;

/**
 * A real OAuth 2.0 / OpenID Connect issuer on a random loopback port, for tests that
 * exercise the whole token path: discovery, JWKS, a token endpoint for
 * {@code client_credentials} and RFC 8693 token exchange, and tokens minted directly with
 * a fluent API in the shapes of common identity providers. Keys can be rotated and
 * retired, endpoints can be made to fail, and every request is logged.
 *
 * <pre class="code">
 * try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
 *     String token = issuer.serviceToken("order-service")
 *         .audience("inventory-service")
 *         .scopes("inventory.read")
 *         .sign();
 *     issuer.jwksEndpoint().fail(Fault.HTTP_500);
 *     issuer.registerClient("order-service", "order-secret");
 *     assertThat(issuer.requestCount(Endpoint.TOKEN)).isEqualTo(0);
 * }
 * </pre>
 *
 * <p>
 * Endpoints, relative to the {@linkplain #issuerUri() issuer URI}:
 * {@code /.well-known/openid-configuration} (also the RFC 8414 paths),
 * {@code /oauth2/jwks} and {@code /oauth2/token}.
 *
 * <p>
 * It is built on the JDK's {@code com.sun.net.httpserver} rather than WireMock: it adds
 * no dependency to a user's test classpath, so no Jetty or Jackson version can clash with
 * Spring Boot's, it starts in milliseconds, and an issuer that signs, verifies and
 * rotates keys needs code behind each endpoint anyway, which stubs do not help with. The
 * faults that matter for an identity provider (connection dropped, slow, 500, non-JSON
 * body) are simple to produce there.
 *
 * <p>
 * In a Spring test,
 * {@link dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer @AutoConfigureFakeTokenIssuer}
 * starts one and points the application at it; in a JUnit test without a context,
 * {@link FakeTokenIssuerExtension} manages one; {@link FakeTokenIssuerMain} runs one on a
 * fixed port as a local identity provider. A {@link RecordingTarget} stands in for the
 * services an application calls with its tokens.
 *
 * <p>
 * Instances are thread-safe. {@link #close()} stops the server and frees the port.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class FakeTokenIssuer implements AutoCloseable {

	private static final String DEFAULT_USER_CLIENT = "web-app";

	private final HttpServer server;

	private final ExecutorService executor;

	private final IssuerUris uris;

	private final TokenContext context;

	private final ClientRegistry clients;

	private final Map<Endpoint, EndpointControl> controls = new EnumMap<>(Endpoint.class);

	private final Queue<RecordedRequest> log = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final @Nullable MutualTlsListener mutualTls;

	private final @Nullable URI mutualTlsTokenUri;

	private FakeTokenIssuer(Builder builder) throws IOException {
		KeyRing keys = new KeyRing(builder.algorithms);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 256);
		this.uris = new IssuerUris(this.server.getAddress().getPort(), builder.issuerPath);
		this.context = new TokenContext(this.uris.issuer().toString(), keys, builder.clock, builder.tokenLifetime,
				builder.shape);
		this.clients = new ClientRegistry(builder.clock);
		for (Endpoint endpoint : List.of(Endpoint.DISCOVERY, Endpoint.JWKS, Endpoint.TOKEN)) {
			this.controls.put(endpoint, new EndpointControl(endpoint));
		}
		TokenEndpoint tokenEndpoint = new TokenEndpoint(this.context, this.clients, this.uris.token().toString(),
				builder.expiresIn);
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "fake-token-issuer-" + this.uris.issuer().getPort());
			thread.setDaemon(true);
			return thread;
		});
		DelegatingHandler handler = new DelegatingHandler();
		TestCertificateAuthority authority = builder.mutualTlsAuthority;
		if (authority != null) {
			this.mutualTls = new MutualTlsListener(authority, handler, this.executor);
			this.clients.trustCertificateAuthorities(this.mutualTls.trust());
			this.mutualTlsTokenUri = URI
				.create("https://127.0.0.1:" + this.mutualTls.port() + this.uris.token().getRawPath());
		}
		else {
			this.mutualTls = null;
			this.mutualTlsTokenUri = null;
		}
		handler.delegate = new IssuerHttpHandler(this.uris, keys, tokenEndpoint, this.controls, this.log,
				this.mutualTlsTokenUri);
		this.server.createContext("/", handler);
		this.server.setExecutor(this.executor);
		this.server.start();
		if (this.mutualTls != null) {
			this.mutualTls.start();
		}
	}

	/**
	 * Starts an issuer with the defaults: an RS256 key, issuer URI
	 * {@code http://127.0.0.1:<port>}, five-minute tokens in the RFC 9068 shape.
	 * @return the running issuer
	 */
	public static FakeTokenIssuer start() {
		return builder().start();
	}

	/**
	 * A builder to configure an issuer before starting it.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The issuer URI, the {@code iss} of every token.
	 * @return the issuer URI
	 */
	public URI issuerUri() {
		return this.uris.issuer();
	}

	/**
	 * The OpenID Connect discovery document's URI.
	 * @return the discovery URI
	 */
	public URI discoveryUri() {
		return this.uris.discovery();
	}

	/**
	 * The JWK set URI.
	 * @return the JWKS URI
	 */
	public URI jwksUri() {
		return this.uris.jwks();
	}

	/**
	 * The token endpoint URI.
	 * @return the token URI
	 */
	public URI tokenUri() {
		return this.uris.token();
	}

	/**
	 * The token endpoint of the mutual-TLS listener ({@code mtls_endpoint_aliases} in
	 * discovery, RFC 8705 section 5): HTTPS with the authority's server certificate for
	 * {@code 127.0.0.1}, asking for a client certificate. Clients authenticate there with
	 * {@code tls_client_auth} or {@code self_signed_tls_client_auth} (or any other
	 * method), and every token it issues to a client that presented a certificate is
	 * bound to that certificate ({@code cnf.x5t#S256}).
	 * @return the URI
	 * @throws IllegalStateException when the issuer was not started with
	 * {@link Builder#mutualTls(TestCertificateAuthority)}
	 * @since 0.4.0
	 */
	public URI mutualTlsTokenUri() {
		if (this.mutualTlsTokenUri == null) {
			throw new IllegalStateException("Start the issuer with FakeTokenIssuer.builder().mutualTls(authority)");
		}
		return this.mutualTlsTokenUri;
	}

	/**
	 * A token a service got for itself (client credentials): {@code sub} and client are
	 * the client id.
	 * @param clientId the service's client id
	 * @return a builder for the token
	 */
	public TokenBuilder serviceToken(String clientId) {
		return new TokenBuilder(this.context, TokenDraft.Kind.SERVICE, clientId, clientId);
	}

	/**
	 * A token a user got through an application, by default the client {@code web-app}
	 * (see {@link TokenBuilder#clientId(String)}).
	 * @param username the user name
	 * @return a builder for the token
	 */
	public TokenBuilder userToken(String username) {
		return new TokenBuilder(this.context, TokenDraft.Kind.USER, username, DEFAULT_USER_CLIENT);
	}

	/**
	 * A token for a user that a service uses on the user's behalf, as token exchange
	 * issues it: in the default shape {@code sub} is the user and {@code act: {sub:
	 * <actor>}} names the service (RFC 8693).
	 * @param username the user name
	 * @param actorClientId the acting service's client id
	 * @return a builder for the token
	 */
	public TokenBuilder delegatedToken(String username, String actorClientId) {
		return new TokenBuilder(this.context, TokenDraft.Kind.DELEGATED, username, actorClientId);
	}

	/**
	 * Bad variants of an otherwise valid service token from {@code test-client} to the
	 * audience. For bad variants of any other token use {@link TokenBuilder#bad()}.
	 * @param audience the audience the token is otherwise valid for
	 * @return the bad variants
	 */
	public BadTokens badTokens(String audience) {
		return serviceToken("test-client").audience(audience).bad();
	}

	/**
	 * Publishes a new key for the default algorithm, which signs from now on. The old key
	 * stays published until {@linkplain #retireKey(String) retired}, as during a real
	 * rotation.
	 * @return the new key's {@code kid}
	 */
	public String rotateKey() {
		return this.context.keys().addKey(this.context.keys().defaultAlgorithm());
	}

	/**
	 * Publishes an additional key, which becomes the current key for its algorithm.
	 * @param algorithm the algorithm
	 * @return the new key's {@code kid}
	 */
	public String addKey(SigningAlgorithm algorithm) {
		Args.notNull(algorithm, "algorithm");
		return this.context.keys().addKey(algorithm);
	}

	/**
	 * Removes a key from the JWKS; tokens signed with it no longer verify. Its algorithm
	 * gets a new key on next use if no other key of it is published.
	 * @param keyId the key's {@code kid}
	 */
	public void retireKey(String keyId) {
		this.context.keys().retire(keyId);
	}

	/**
	 * The {@code kid} of the key that signs by default.
	 * @return the current key id
	 */
	public String currentKeyId() {
		return this.context.keys().activeKey(this.context.keys().defaultAlgorithm()).getKeyID();
	}

	/**
	 * The {@code kid}s the JWKS publishes, oldest first.
	 * @return the published key ids
	 */
	public List<String> publishedKeyIds() {
		return this.context.keys().publishedKeyIds();
	}

	/**
	 * Controls the discovery endpoint.
	 * @return the control
	 */
	public EndpointControl discoveryEndpoint() {
		return control(Endpoint.DISCOVERY);
	}

	/**
	 * Controls the JWKS endpoint.
	 * @return the control
	 */
	public EndpointControl jwksEndpoint() {
		return control(Endpoint.JWKS);
	}

	/**
	 * Controls the token endpoint.
	 * @return the control
	 */
	public EndpointControl tokenEndpoint() {
		return control(Endpoint.TOKEN);
	}

	private EndpointControl control(Endpoint endpoint) {
		// Every endpoint gets its control when the issuer starts.
		return Objects.requireNonNull(this.controls.get(endpoint));
	}

	/**
	 * Registers a client that authenticates with a secret, by {@code client_secret_basic}
	 * or {@code client_secret_post}. Registering the id again replaces the client.
	 * @param clientId the client id
	 * @param secret the secret
	 * @return this issuer
	 */
	public FakeTokenIssuer registerClient(String clientId, String secret) {
		this.clients.register(Args.hasText(clientId, "clientId"), Args.hasText(secret, "secret"));
		return this;
	}

	/**
	 * Registers a client that authenticates with {@code private_key_jwt} (RFC 7523): a
	 * client assertion signed by the key, with {@code iss} and {@code sub} the client id,
	 * {@code aud} the token URI or the issuer URI, {@code exp} and a {@code jti} not used
	 * before.
	 * @param clientId the client id
	 * @param key the client's key; only its public part is kept
	 * @return this issuer
	 */
	public FakeTokenIssuer registerClient(String clientId, JWK key) {
		this.clients.register(Args.hasText(clientId, "clientId"), Args.notNull(key, "key"));
		return this;
	}

	/**
	 * Registers a client that authenticates with {@code tls_client_auth} (RFC 8705
	 * section 2.1) on the {@linkplain #mutualTlsTokenUri() mutual-TLS token endpoint}: a
	 * certificate that the issuer's authority issued, valid now, for {@code clientAuth},
	 * whose subject DN is the given one ({@code tls_client_auth_subject_dn}) or, when it
	 * is a URI such as a SPIFFE ID, that carries it as URI SAN
	 * ({@code tls_client_auth_san_uri}).
	 * @param clientId the client id
	 * @param subject the subject DN, e.g. {@code CN=order-service}, or the URI SAN
	 * @return this issuer
	 * @since 0.4.0
	 */
	public FakeTokenIssuer registerTlsClient(String clientId, String subject) {
		this.clients.registerCertificateSubject(Args.hasText(clientId, "clientId"), Args.hasText(subject, "subject"));
		return this;
	}

	/**
	 * Registers a client that authenticates with {@code self_signed_tls_client_auth} (RFC
	 * 8705 section 2.2) on the {@linkplain #mutualTlsTokenUri() mutual-TLS token
	 * endpoint}: exactly this certificate (compared by its SHA-256 thumbprint), valid
	 * now.
	 * @param clientId the client id
	 * @param certificate the client's certificate
	 * @return this issuer
	 * @since 0.4.0
	 */
	public FakeTokenIssuer registerSelfSignedTlsClient(String clientId, X509Certificate certificate) {
		this.clients.registerSelfSignedCertificate(Args.hasText(clientId, "clientId"),
				Args.notNull(certificate, "certificate"));
		return this;
	}

	/**
	 * Publish a key in the JWKS exactly as given (private members, {@code use}, curve and
	 * size included), for tests that a resource server refuses keys unfit to verify.
	 * @param key the key
	 * @return this issuer
	 */
	public FakeTokenIssuer publishKey(JWK key) {
		this.context.keys().publish(key);
		return this;
	}

	/**
	 * Whether the JWKS carries the private members of the issuer's keys, as a
	 * misconfigured provider might publish them.
	 * @param leak whether to leak them
	 * @return this issuer
	 */
	public FakeTokenIssuer leakPrivateKeys(boolean leak) {
		this.context.keys().leakPrivateKeys(leak);
		return this;
	}

	/**
	 * All requests received since start or the last {@link #reset()}, in order of
	 * completion.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return new ArrayList<>(this.log);
	}

	/**
	 * The requests an endpoint received since start or the last {@link #reset()}.
	 * @param endpoint the endpoint
	 * @return the requests
	 */
	public List<RecordedRequest> requests(Endpoint endpoint) {
		return this.log.stream().filter((request) -> request.endpoint() == endpoint).toList();
	}

	/**
	 * How many requests an endpoint received since start or the last {@link #reset()}.
	 * @param endpoint the endpoint
	 * @return the number of requests
	 */
	public int requestCount(Endpoint endpoint) {
		return requests(endpoint).size();
	}

	/**
	 * Clears faults and the request log, for the next test. Keys and clients stay.
	 */
	public void reset() {
		this.controls.values().forEach(EndpointControl::recover);
		this.log.clear();
	}

	/**
	 * Stops the server, drops open connections and frees the port. Closing again does
	 * nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop(0);
			if (this.mutualTls != null) {
				this.mutualTls.stop();
			}
			this.executor.shutdownNow();
		}
	}

	/**
	 * The server is made before the handler, which needs the mutual-TLS listener's URI.
	 */
	private static final class DelegatingHandler implements HttpHandler {

		private @Nullable HttpHandler delegate;

		@Override
		public void handle(HttpExchange exchange) throws IOException {
			HttpHandler handler = this.delegate;
			if (handler == null) {
				exchange.close();
				return;
			}
			handler.handle(exchange);
		}

	}

	boolean isClosed() {
		return this.closed.get();
	}

	@Override
	public String toString() {
		return "FakeTokenIssuer " + this.uris.issuer();
	}

	/**
	 * Configures a {@link FakeTokenIssuer}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private List<SigningAlgorithm> algorithms = List.of(SigningAlgorithm.RS256);

		private String issuerPath = "";

		private Clock clock = Clock.systemUTC();

		private Duration tokenLifetime = Duration.ofMinutes(5);

		private TokenShape shape = TokenShape.GENERIC;

		private boolean expiresIn = true;

		private int port;

		private @Nullable TestCertificateAuthority mutualTlsAuthority;

		private Builder() {
		}

		/**
		 * Also serves the token endpoint over mutual TLS, on its own port
		 * ({@link FakeTokenIssuer#mutualTlsTokenUri()}), with a server certificate from
		 * the authority, which is also the one {@code tls_client_auth} clients'
		 * certificates must come from. Needs {@code org.bouncycastle:bcpkix-jdk18on},
		 * like {@link TestCertificateAuthority}.
		 * @param authority the certificate authority
		 * @return this builder
		 * @since 0.4.0
		 */
		public Builder mutualTls(TestCertificateAuthority authority) {
			this.mutualTlsAuthority = Args.notNull(authority, "authority");
			return this;
		}

		/**
		 * Sets the loopback port to listen on. The default, {@code 0}, picks a free port,
		 * which is what tests want; a fixed port is for running the issuer as a local
		 * identity provider (see {@link FakeTokenIssuerMain}).
		 * @param port the port, {@code 0} to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			Args.isTrue(port >= 0 && port <= 65535, "port must be between 0 and 65535");
			this.port = port;
			return this;
		}

		/**
		 * Sets the algorithms whose keys are published from the start; the first signs by
		 * default. The default is RS256 alone.
		 * @param algorithm the default algorithm
		 * @param more further algorithms to publish keys for
		 * @return this builder
		 */
		public Builder algorithms(SigningAlgorithm algorithm, SigningAlgorithm... more) {
			List<SigningAlgorithm> all = new ArrayList<>();
			all.add(Args.notNull(algorithm, "algorithm"));
			all.addAll(List.of(more));
			this.algorithms = List.copyOf(all);
			return this;
		}

		/**
		 * Sets the path of the issuer URI, to mimic a provider, for example
		 * {@code /realms/platform} (Keycloak) or {@code /oauth2/default} (Okta). The
		 * default is none.
		 * @param issuerPath a path starting with {@code /}
		 * @return this builder
		 */
		public Builder issuerPath(String issuerPath) {
			Args.isTrue(issuerPath.startsWith("/") && !issuerPath.contains("?") && !issuerPath.contains("#"),
					"issuerPath must be a path starting with '/'");
			this.issuerPath = issuerPath;
			return this;
		}

		/**
		 * Sets the clock for issue and expiry times and for validity checks at the token
		 * endpoint. The default is the system clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Args.notNull(clock, "clock");
			return this;
		}

		/**
		 * Sets the lifetime of tokens, minted or from the token endpoint. The default is
		 * five minutes.
		 * @param tokenLifetime the lifetime
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			Args.isTrue(!Args.notNull(tokenLifetime, "tokenLifetime").isNegative(), "tokenLifetime cannot be negative");
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Sets the identity provider whose tokens this issuer's tokens (minted or from
		 * the token endpoint) look like by default. The default is
		 * {@link IdentityProvider#GENERIC}: the RFC 9068 profile.
		 * @param provider the provider
		 * @return this builder
		 */
		public Builder provider(IdentityProvider provider) {
			this.shape = TokenShape.of(Args.notNull(provider, "provider"));
			return this;
		}

		/**
		 * Leaves {@code expires_in} out of token responses, which RFC 6749 allows, to
		 * test how clients cope.
		 * @return this builder
		 */
		public Builder omitExpiresIn() {
			this.expiresIn = false;
			return this;
		}

		/**
		 * Generates the keys and starts the issuer.
		 * @return the running issuer
		 */
		public FakeTokenIssuer start() {
			try {
				return new FakeTokenIssuer(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the fake token issuer on 127.0.0.1"
						+ ((this.port != 0) ? ":" + this.port + " (is the port in use?)" : ""), ex);
			}
		}

	}

}
