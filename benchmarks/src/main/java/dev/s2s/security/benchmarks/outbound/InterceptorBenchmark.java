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

package dev.s2s.security.benchmarks.outbound;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.s2s.security.outbound.ClientCredentials;
import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokenInterceptor;
import dev.s2s.security.outbound.ServiceTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * What attaching a cached token costs one {@code RestClient} request: s2s-security's
 * {@link ServiceTokenInterceptor} against Spring Security's
 * {@link OAuth2ClientHttpRequestInterceptor} backed by an
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, in the same run. Each
 * interceptor is called on a prepared request with an execution that returns a prepared
 * {@code 200} at once, after both have a token from the same loopback endpoint, so only
 * the interceptor is measured. Tokens are 800 characters, like a signed access token.
 * {@code getToken} is {@link ServiceTokens#getToken(String)} alone. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.s2s.security.benchmarks.outbound.InterceptorBenchmark}.
 *
 * @author s2s-security team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class InterceptorBenchmark {

	private static final byte[] NO_BODY = new byte[0];

	private static final ClientHttpRequestExecution NO_OP = (request, body) -> OkResponse.INSTANCE;

	// As long as a typical signed access token.
	private static final String TOKEN_BODY = "x".repeat(800);

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private HttpServer endpoint;

	private ServiceTokens serviceTokens;

	private ServiceTokenInterceptor s2s;

	private OAuth2ClientHttpRequestInterceptor spring;

	private PreparedRequest s2sRequest;

	private PreparedRequest springRequest;

	private int tokenRequestsAfterSetup;

	@Setup
	public void setup() throws Exception {
		this.endpoint = tokenEndpoint();
		URI tokenUri = URI.create("http://127.0.0.1:" + this.endpoint.getAddress().getPort() + "/token");
		URI url = URI.create("http://inventory:8080/stock/42");
		this.serviceTokens = ServiceTokens.builder(ClientCredentials.clientSecretBasic("order-service", () -> "s"))
			.tokenUri(tokenUri)
			.target(new OutboundTarget("inventory", List.of(URI.create("http://inventory:8080")), "inventory",
					List.of(), OutboundTarget.Identity.SERVICE))
			.build();
		this.s2s = new ServiceTokenInterceptor(this.serviceTokens);
		this.spring = springInterceptor(tokenUri);
		this.s2sRequest = new PreparedRequest(url);
		this.springRequest = new PreparedRequest(url);
		RequestAttributeClientRegistrationIdResolver.clientRegistrationId("inventory")
			.accept(this.springRequest.getAttributes());
		// One call each fetches and caches the token; every measured call is a cache hit.
		s2s();
		spring();
		this.tokenRequestsAfterSetup = this.tokenRequests.get();
	}

	@TearDown
	public void tearDown() {
		int extra = this.tokenRequests.get() - this.tokenRequestsAfterSetup;
		if (extra != 0) {
			throw new IllegalStateException(extra + " token requests while measuring: not a cache hit");
		}
		this.serviceTokens.close();
		this.endpoint.stop(0);
	}

	@Benchmark
	public ClientHttpResponse s2s() throws Exception {
		return intercept(this.s2s, this.s2sRequest);
	}

	@Benchmark
	public ClientHttpResponse spring() throws Exception {
		return intercept(this.spring, this.springRequest);
	}

	@Benchmark
	public String getToken() {
		return this.serviceTokens.getToken("inventory");
	}

	private static ClientHttpResponse intercept(ClientHttpRequestInterceptor interceptor, PreparedRequest request)
			throws Exception {
		// Both interceptors leave a request that already has a token alone.
		request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
		return interceptor.intercept(request, NO_BODY, NO_OP);
	}

	private static OAuth2ClientHttpRequestInterceptor springInterceptor(URI tokenUri) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("inventory")
			.clientId("order-service")
			.clientSecret("s")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri.toString())
			.build();
		InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(registration);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				repository, new InMemoryOAuth2AuthorizedClientService(repository));
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return new OAuth2ClientHttpRequestInterceptor(manager);
	}

	private HttpServer tokenEndpoint() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/token", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = ("{\"access_token\":\"" + TOKEN_BODY + this.tokenRequests.incrementAndGet()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		return server;
	}

	public static void main(String[] args) throws RunnerException {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(InterceptorBenchmark.class.getName() + "\\.")
					.addProfiler(GCProfiler.class)
					.build())
			.run();
		Map<String, RunResult> byName = new HashMap<>();
		results.forEach((result) -> byName.put(result.getParams().getBenchmark().replaceAll(".*\\.", ""), result));
		double spring = score(byName, "spring");
		System.out.println();
		System.out.println("Attaching a cached token to one request (ns/op, lower is better; same run)");
		System.out.printf("%-44s %10s %10s %12s %10s%n", "", "ns/op", "error", "vs Spring", "bytes/op");
		row(byName, "s2s", "s2s ServiceTokenInterceptor", spring);
		row(byName, "spring", "Spring OAuth2ClientHttpRequestInterceptor", spring);
		row(byName, "getToken", "s2s ServiceTokens.getToken(target) alone", spring);
		double s2s = score(byName, "s2s");
		double errors = error(byName, "s2s") + error(byName, "spring");
		System.out.printf("%nGoal <= 0.80x Spring: %s (%.2fx)%s%n", (s2s <= 0.8 * spring) ? "met" : "NOT met",
				s2s / spring, (Math.abs(s2s - 0.8 * spring) < errors) ? " (within the error bars: run again)" : "");
	}

	private static double score(Map<String, RunResult> results, String name) {
		return results.get(name).getPrimaryResult().getScore();
	}

	private static double error(Map<String, RunResult> results, String name) {
		return results.get(name).getPrimaryResult().getScoreError();
	}

	private static void row(Map<String, RunResult> results, String name, String label, double spring) {
		double score = score(results, name);
		// Allocation per call does not depend on how busy the machine is.
		Result<?> allocated = results.get(name).getSecondaryResults().get("gc.alloc.rate.norm");
		System.out.printf("%-44s %10.1f %10.1f %11.2fx %10.0f%n", label, score,
				results.get(name).getPrimaryResult().getScoreError(), score / spring,
				(allocated != null) ? allocated.getScore() : Double.NaN);
	}

	private static final class PreparedRequest implements HttpRequest {

		private final URI uri;

		private final HttpHeaders headers = new HttpHeaders();

		private final Map<String, Object> attributes = new HashMap<>();

		PreparedRequest(URI uri) {
			this.uri = uri;
		}

		@Override
		public HttpMethod getMethod() {
			return HttpMethod.GET;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

	private static final class OkResponse implements ClientHttpResponse {

		static final OkResponse INSTANCE = new OkResponse();

		private final HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(NO_BODY);
		}

		@Override
		public void close() {
		}

	}

}
