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

package dev.s2s.security.autoconfigure.outbound;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.outbound.ServiceTokenException;
import dev.s2s.security.outbound.ServiceTokenExchangeFilterFunction;
import dev.s2s.security.outbound.ServiceTokenInterceptor;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.outbound.TestServer;
import dev.s2s.security.outbound.TestTokenEndpoint;
import dev.s2s.security.outbound.TestTokenEndpoint.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import reactor.util.context.Context;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link S2sOutboundAutoConfiguration}: real contexts, a real token endpoint
 * and real downstream servers on loopback.
 */
class S2sOutboundAutoConfigurationTests {

	private final TestTokenEndpoint endpoint = TestTokenEndpoint.start();

	private final TestServer inventory = TestServer.start("127.0.0.1");

	private final TestServer other = TestServer.start("localhost");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=order-service",
				"s2s.security.outbound.token-uri=" + this.endpoint.tokenUri(),
				"s2s.security.outbound.client-secret=s3cr3t-never-shown",
				"s2s.security.outbound.targets.inventory-service.base-urls=" + this.inventory.url(),
				"s2s.security.outbound.targets.inventory-service.audience=inventory-service",
				"s2s.security.outbound.targets.inventory-service.scopes=inventory.read");

	@AfterEach
	void close() {
		this.endpoint.close();
		this.inventory.close();
		this.other.close();
	}

	@Test
	void restClientBuilderGetsTokenForConfiguredTargetOnly() {
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			client.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity();
			client.get().uri(this.other.url() + "/elsewhere").retrieve().toBodilessEntity();
			client.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity();
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1", "Bearer token-1");
			assertThat(this.other.authorizations()).containsExactly("");
			assertThat(this.endpoint.requests()).isEqualTo(1);
			assertThat(this.endpoint.parameters().get(0)).containsEntry("audience", "inventory-service")
				.containsEntry("scope", "inventory.read");
			assertThat(this.endpoint.authorizations().get(0)).startsWith("Basic ");
		});
	}

	@Test
	void restTemplateBuilderGetsTokenForConfiguredTargetOnly() {
		this.contextRunner.run((context) -> {
			var restTemplate = context.getBean(RestTemplateBuilder.class).build();
			restTemplate.getForEntity(this.inventory.url() + "/stock", String.class);
			restTemplate.getForEntity(this.other.url() + "/x", String.class);
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1");
			assertThat(this.other.authorizations()).containsExactly("");
		});
	}

	@Test
	void webClientBuilderGetsTokenForConfiguredTargetOnly() {
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class)
				.clientConnector(new JdkClientHttpConnector())
				.build();
			client.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity().block();
			client.get().uri(this.other.url() + "/x").retrieve().toBodilessEntity().block();
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1");
			assertThat(this.other.authorizations()).containsExactly("");
		});
	}

	@Test
	void httpExchangeGroupNamedAfterTargetGetsBaseUrlAndToken() {
		this.contextRunner.withUserConfiguration(StockApiConfiguration.class).run((context) -> {
			context.getBean(StockApi.class).stock();
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1");
		});
	}

	@Test
	void restClientWhenTargetRedirectsWithinItselfThenFollowsWithToken() {
		this.inventory.redirect("/stock", "/stock/v2");
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			assertThat(client.get().uri(this.inventory.url() + "/stock").retrieve().body(String.class)).isEqualTo("ok");
			assertThat(this.inventory.paths()).containsExactly("/stock", "/stock/v2");
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1", "Bearer token-1");
		});
	}

	@Test
	void restClientAndRestTemplateWhenTargetRedirectsToAnotherHostThenCallerGetsRedirectAndTokenStays() {
		this.inventory.redirect("/stock", this.other.url() + "/landing");
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			int status = client.get()
				.uri(this.inventory.url() + "/stock")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(302);
			var restTemplate = context.getBean(RestTemplateBuilder.class).build();
			assertThat(restTemplate.getForEntity(this.inventory.url() + "/stock", String.class).getStatusCode().value())
				.isEqualTo(302);
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1", "Bearer token-1");
			assertThat(this.other.paths()).isEmpty();
		});
	}

	@Test
	void restClientWhenOtherHostRedirectsThenFollowsAsBefore() {
		this.other.redirect("/old", "/new");
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			client.get().uri(this.other.url() + "/old").retrieve().toBodilessEntity();
			assertThat(this.other.paths()).containsExactly("/old", "/new");
			assertThat(this.other.authorizations()).containsExactly("", "");
		});
	}

	@Test
	void restClientWhenRedirectsAreNotFollowedThenTargetRedirectReachesCaller() {
		this.inventory.redirect("/stock", "/stock/v2");
		this.contextRunner.withPropertyValues("spring.http.clients.redirects=dont-follow").run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			int status = client.get()
				.uri(this.inventory.url() + "/stock")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(302);
			assertThat(this.inventory.paths()).containsExactly("/stock");
		});
	}

	@Test
	void restClientWhenTargetRedirectsPostThenCallerGetsRedirect() {
		this.inventory.redirect("/stock", "/stock/v2");
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			int status = client.post()
				.uri(this.inventory.url() + "/stock")
				.body("payload")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(302);
			assertThat(this.inventory.paths()).containsExactly("/stock");
		});
	}

	@Test
	void webClientWhenTargetRedirectsThenFollowsWithinTargetOnly() {
		this.inventory.redirect("/away", this.other.url() + "/landing");
		this.other.redirect("/old", "/new");
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class).build();
			this.inventory.handler((exchange, authorization) -> {
				String path = exchange.getRequestURI().getPath();
				exchange.getResponseHeaders()
					.add("Location", path.equals("/away") ? this.other.url() + "/landing" : "/stock/v2");
				return path.equals("/stock/v2") ? 200 : 302;
			});
			assertThat(status(client, this.inventory.url() + "/stock")).isEqualTo(200);
			assertThat(status(client, this.inventory.url() + "/away")).isEqualTo(302);
			assertThat(status(client, this.other.url() + "/old")).isEqualTo(200);
			assertThat(this.inventory.paths()).containsExactly("/stock", "/stock/v2", "/away");
			assertThat(this.inventory.authorizations()).containsOnly("Bearer token-1");
			assertThat(this.other.paths()).containsExactly("/old", "/new");
			assertThat(this.other.authorizations()).containsOnly("");
		});
	}

	@Test
	void webClientWithOwnConnectorFollowsRedirectsOutsideTheGuard() {
		// The guard's limit: a connector set on the builder replaces Boot's guarded one,
		// so the redirect to another host is followed. Whether the token goes along is
		// then
		// up to the JDK: 17 re-sends every header, 25 drops Authorization across hosts.
		this.inventory.redirect("/stock", this.other.url() + "/landing");
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class)
				.clientConnector(new JdkClientHttpConnector(
						HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()))
				.build();
			assertThat(status(client, this.inventory.url() + "/stock")).isEqualTo(200);
			assertThat(this.other.authorizations()).hasSize(1);
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1");
		});
	}

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static int status(WebClient client, String url) {
		return client.get()
			.uri(url)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(10));
	}

	@Test
	void restClientWhenTargetRejectsTokenThenEvictsAndRetriesOnce() {
		this.inventory.handler((exchange, authorization) -> {
			if (authorization.equals("Bearer token-1")) {
				exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				return 401;
			}
			return 200;
		});
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			var response = client.post()
				.uri(this.inventory.url() + "/stock")
				.body("payload")
				.retrieve()
				.toBodilessEntity();
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
			assertThat(this.endpoint.requests()).isEqualTo(2);
		});
	}

	@Test
	void restClientWhenTargetAlwaysRejectsThenRetriesOnlyOnce() {
		this.inventory.handler((exchange, authorization) -> {
			exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			return 401;
		});
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			var status = client.get()
				.uri(this.inventory.url() + "/stock")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(401);
			assertThat(this.inventory.authorizations()).hasSize(2);
		});
	}

	@Test
	void webClientWhenTargetRejectsTokenThenEvictsAndRetriesOnce() {
		this.inventory.handler((exchange, authorization) -> {
			if (authorization.equals("Bearer token-1")) {
				exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				return 401;
			}
			return 200;
		});
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class)
				.clientConnector(new JdkClientHttpConnector())
				.build();
			var response = client.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity().block();
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	@Test
	void webClientWhenTargetRejectsTokenOfARequestWithBodyThenEvictsItForTheNextRequest() {
		this.inventory.handler((exchange, authorization) -> {
			if (authorization.equals("Bearer token-1")) {
				exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				return 401;
			}
			return 200;
		});
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class).build();
			int rejected = client.post()
				.uri(this.inventory.url() + "/stock")
				.bodyValue("payload")
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10));
			assertThat(rejected).isEqualTo(401);
			assertThat(status(client, this.inventory.url() + "/stock")).isEqualTo(200);
			assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	@Test
	void callsToTargetsCarryTheCorrelationIdOfTheRequestBeingServed() {
		this.contextRunner.run((context) -> {
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			WebClient webClient = context.getBean(WebClient.Builder.class).build();
			MDC.put("correlationId", "corr-123");
			try {
				restClient.get()
					.uri(this.inventory.url() + "/stock")
					.header("traceparent", TRACEPARENT)
					.retrieve()
					.toBodilessEntity();
				restClient.get()
					.uri(this.inventory.url() + "/stock")
					.header("X-Correlation-Id", "callers-own")
					.retrieve()
					.toBodilessEntity();
				restClient.get().uri(this.other.url() + "/x").retrieve().toBodilessEntity();
				status(webClient, this.inventory.url() + "/stock");
				webClient.get()
					.uri(this.inventory.url() + "/stock")
					.retrieve()
					.toBodilessEntity()
					.contextWrite(Context.of("correlationId", "from-reactor-context"))
					.block(Duration.ofSeconds(10));
				MDC.put("correlationId", "not a valid id\r\n");
				restClient.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity();
			}
			finally {
				MDC.remove("correlationId");
			}
			assertThat(this.inventory.headers()).extracting((headers) -> headers.get("x-correlation-id"))
				.containsExactly(List.of("corr-123"), List.of("callers-own"), List.of("corr-123"),
						List.of("from-reactor-context"), null);
			assertThat(this.inventory.headers().get(0)).containsEntry("traceparent", List.of(TRACEPARENT));
			assertThat(this.other.headers().get(0)).doesNotContainKey("x-correlation-id");
		});
	}

	@Test
	void targetAudienceParameterOverridesTheGlobalOne() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.audience-parameter=audience",
					"s2s.security.outbound.targets.inventory-service.audience=https://inventory.example.com",
					"s2s.security.outbound.targets.inventory-service.audience-parameter=resource",
					"s2s.security.outbound.targets.billing.base-urls=" + this.other.url(),
					"s2s.security.outbound.targets.billing.audience=https://billing.example.com")
			.run((context) -> {
				ServiceTokens tokens = context.getBean(ServiceTokens.class);
				tokens.getToken("inventory-service", null);
				tokens.getToken("billing", null);
				assertThat(this.endpoint.parameters().get(0)).containsEntry("resource", "https://inventory.example.com")
					.doesNotContainKey("audience");
				assertThat(this.endpoint.parameters().get(1)).containsEntry("audience", "https://billing.example.com")
					.doesNotContainKey("resource");
			});
	}

	@Test
	void startupFailsWhenBothASecretAndASecretFileAreSet(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("secret"), "from-file");
		this.contextRunner.withPropertyValues("s2s.security.outbound.client-secret-file=" + file)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MutuallyExclusiveConfigurationPropertiesException.class)
				.hasMessageContaining("s2s.security.outbound.client-secret")
				.hasMessageContaining("s2s.security.outbound.client-secret-file"));
	}

	@Test
	void startupFailsWhenResourceIsTheAudienceParameterButTheAudienceIsNoUri() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.audience-parameter=resource")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.targets.inventory-service.audience")
				.hasMessageContaining("absolute URI"));
	}

	@Test
	void privateKeyFileMeansPrivateKeyJwtWithoutSayingSo(@TempDir Path dir) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("order-key").generate();
		Path file = Files.writeString(dir.resolve("key.json"), key.toJSONString());
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=order-service",
					"s2s.security.outbound.token-uri=" + this.endpoint.tokenUri(),
					"s2s.security.outbound.private-key-file=" + file, "s2s.security.outbound.private-key-id=order-key",
					"s2s.security.outbound.targets.inventory-service.base-urls=" + this.inventory.url())
			.run((context) -> {
				context.getBean(ServiceTokens.class).getToken("inventory-service", null);
				assertThat(this.endpoint.parameters().get(0)).containsKey("client_assertion")
					.doesNotContainKey("client_secret");
				assertThat(this.endpoint.authorizations().get(0)).isEmpty();
				SignedJWT assertion = SignedJWT.parse(this.endpoint.parameters().get(0).get("client_assertion"));
				assertThat(assertion.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
			});
	}

	@Test
	void startupFailsWhenTokenEndpointIsPlainHttpToAHostThatIsNotLoopback() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.token-uri=http://idp.example.com/oauth2/token")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.token-uri")
				.hasMessageContaining("s2s.security.outbound.allow-plain-http: true"));
	}

	@Test
	void startupFailsWhenPlainHttpHostOnlyLooksLikeLoopback() {
		for (String host : List.of("localhost.example.com", "127.0.0.1.nip.io", "localhost6", "0.0.0.0")) {
			this.contextRunner.withPropertyValues("s2s.security.outbound.token-uri=http://" + host + "/oauth2/token")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("allow-plain-http"));
		}
	}

	@Test
	void plainHttpStartsForLoopbackLiteralsAndWhenExplicitlyAllowed() {
		for (String uri : List.of("http://localhost:1/t", "http://LOCALHOST:1/t", "http://127.0.0.2:1/t",
				"http://[::1]:1/t")) {
			this.contextRunner.withPropertyValues("s2s.security.outbound.token-uri=" + uri)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.token-uri=http://idp.example.com/oauth2/token",
					"s2s.security.outbound.allow-plain-http=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void startupFailsNamingThePropertyWhenASecretPlaceholderIsUnresolved() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.client-secret=${S2S_TEST_UNSET_SECRET}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.client-secret")
				.hasMessageContaining("placeholder"));
		this.contextRunner.withPropertyValues("s2s.security.outbound.client-id=${S2S_TEST_UNSET_ID}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.client-id"));
	}

	@Test
	void startupFailsWithoutEchoingCredentialsWhenTargetUrlHasUserinfo() {
		this.contextRunner
			.withPropertyValues(
					"s2s.security.outbound.targets.inventory-service.base-urls=http://svc:hunter2@127.0.0.1:1/api")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.targets.inventory-service.base-urls")
				.hasMessageNotContaining("hunter2"));
	}

	@Test
	void tokenEndpointClientUsesItsOwnTimeoutsNotThoseOfSpringHttpClients() throws Exception {
		CountDownLatch release = this.endpoint.hold();
		CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS).execute(release::countDown);
		this.contextRunner.withPropertyValues("spring.http.clients.read-timeout=100ms")
			.run((context) -> assertThat(context.getBean(ServiceTokens.class).getToken("inventory-service", null))
				.isEqualTo("token-1"));
		CountDownLatch stillHeld = this.endpoint.hold();
		this.contextRunner.withPropertyValues("s2s.security.outbound.read-timeout=100ms")
			.run((context) -> assertThatExceptionOfType(ServiceTokenException.class)
				.isThrownBy(() -> context.getBean(ServiceTokens.class).getToken("inventory-service", null))
				.withMessageContaining("did not answer in time"));
		stillHeld.countDown();
	}

	@Test
	void webClientWhenCancelledWhileTokenIsFetchedThenOtherCallersStillGetIt() {
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class)
				.clientConnector(new JdkClientHttpConnector())
				.build();
			ServiceTokens tokens = context.getBean(ServiceTokens.class);
			CountDownLatch release = this.endpoint.hold();
			CompletableFuture<String> waiting = tokens.getTokenAsync("inventory-service", null);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> client.get()
				.uri(this.inventory.url() + "/stock")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofMillis(200)));
			release.countDown();
			assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
			assertThat(this.endpoint.requests()).isEqualTo(1);
		});
	}

	@Test
	void webClientWhenExchangeTargetThenUsesReactiveSecurityContextToken() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.identity=exchange")
			.run((context) -> {
				WebClient client = context.getBean(WebClient.Builder.class)
					.clientConnector(new JdkClientHttpConnector())
					.build();
				Jwt jwt = Jwt.withTokenValue("alice-token").header("alg", "RS256").subject("alice").build();
				client.get()
					.uri(this.inventory.url() + "/stock")
					.retrieve()
					.toBodilessEntity()
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new JwtAuthenticationToken(jwt)))
					.block();
				assertThat(this.endpoint.parameters().get(0)).containsEntry("subject_token", "alice-token");
				assertThat(this.inventory.authorizations()).containsExactly("Bearer token-1");
			});
	}

	@Test
	void restClientWhenExchangeTargetAndNoIncomingTokenThenFailsClosed() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.identity=exchange")
			.run((context) -> {
				RestClient client = context.getBean(RestClient.Builder.class).build();
				assertThatExceptionOfType(ServiceTokenException.class)
					.isThrownBy(() -> client.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity());
				assertThat(this.inventory.authorizations()).isEmpty();
			});
	}

	@Test
	void forwardWhenAllowedThenIncomingTokenIsSent() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.inventory-service.identity=forward",
					"s2s.security.outbound.targets.inventory-service.allow-forwarding=true")
			.run((context) -> {
				Jwt jwt = Jwt.withTokenValue("alice-token").header("alg", "RS256").subject("alice").build();
				org.springframework.security.core.context.SecurityContextHolder.getContext()
					.setAuthentication(new JwtAuthenticationToken(jwt));
				try {
					context.getBean(RestClient.Builder.class)
						.build()
						.get()
						.uri(this.inventory.url())
						.retrieve()
						.toBodilessEntity();
				}
				finally {
					org.springframework.security.core.context.SecurityContextHolder.clearContext();
				}
				assertThat(this.inventory.authorizations()).containsExactly("Bearer alice-token");
				assertThat(this.endpoint.requests()).isZero();
			});
	}

	@Test
	void startupFailsWhenForwardIsNotExplicitlyAllowed() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.identity=forward")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("allow-forwarding: true"));
	}

	@Test
	void startupFailsWhenAForwardedTokenShouldBeDPoPBound() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.inventory-service.identity=forward",
					"s2s.security.outbound.targets.inventory-service.allow-forwarding=true",
					"s2s.security.outbound.targets.inventory-service.dpop=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.targets.inventory-service.dpop")
				.hasMessageContaining("identity: service"));
	}

	@Test
	void startupFailsWhenNoTokenEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=order-service", "s2s.security.outbound.client-secret=x",
					"s2s.security.outbound.targets.inventory-service.base-urls=http://inventory:8080")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.token-uri: https://"));
	}

	@Test
	void startupFailsWhenTargetHasNoBaseUrl() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.billing.audience=billing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("s2s.security.outbound.targets.billing.base-urls"));
	}

	@Test
	void startupFailsWithoutEchoingSecretWhenSecretIsMissing() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.client-secret=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("client-secret-file"));
	}

	@Test
	void noServiceTokensWhenOutboundIsNotConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class))
			.withPropertyValues("s2s.security.service-id=order-service")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ServiceTokens.class));
	}

	@Test
	void serviceTokensBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserServiceTokensConfiguration.class)
			.run((context) -> assertThat(context).getBean(ServiceTokens.class)
				.isSameAs(context.getBean("myServiceTokens")));
	}

	@Test
	void interceptorAndFilterBackOffWhenUserDefinesThem() {
		this.contextRunner.withUserConfiguration(UserInterceptorConfiguration.class).run((context) -> {
			assertThat(context).getBean(ServiceTokenInterceptor.class).isSameAs(context.getBean("myInterceptor"));
			assertThat(context).getBean(ServiceTokenExchangeFilterFunction.class).isSameAs(context.getBean("myFilter"));
		});
	}

	@Test
	void noInterceptorWhenRestClientIsAbsentAndNoFilterWhenWebClientIsAbsent() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RestClient.class, WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(ServiceTokens.class)
				.doesNotHaveBean(ServiceTokenInterceptor.class)
				.doesNotHaveBean(ServiceTokenExchangeFilterFunction.class));
	}

	@Test
	void metricsRecordTokenRequestsAndCacheHitsPerTarget() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("s2s.security.outbound.targets.billing.base-urls=" + this.other.url(),
					"s2s.security.outbound.targets.billing.audience=billing")
			.run((context) -> {
				ServiceTokens tokens = context.getBean(ServiceTokens.class);
				tokens.getToken("inventory-service", null);
				tokens.getToken("inventory-service", null);
				tokens.getToken("billing", null);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("s2s.security.outbound.token.requests")
					.tag("target", "inventory-service")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("s2s.security.outbound.token.cache")
					.tag("target", "inventory-service")
					.tag("result", "hit")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("s2s.security.outbound.token.cache")
					.tag("target", "inventory-service")
					.tag("result", "miss")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("s2s.security.outbound.token.requests")
					.tag("target", "billing")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void failedTokenRequestNamesNeitherSecretNorEndpoint() {
		this.endpoint.respond((n) -> Reply.error(401, "invalid_client"));
		this.contextRunner.run((context) -> assertThatExceptionOfType(ServiceTokenException.class)
			.isThrownBy(() -> context.getBean(ServiceTokens.class).getToken("inventory-service", null))
			.withMessageContaining("invalid_client")
			.withMessageNotContaining("s3cr3t")
			.withMessageNotContaining(this.endpoint.issuer()));
	}

	@Test
	void propertiesToStringNeverShowsSecret() {
		this.contextRunner.run((context) -> assertThat(context.getBean(S2sOutboundProperties.class).toString())
			.doesNotContain("s3cr3t"));
	}

	interface StockApi {

		@GetExchange("/stock")
		String stock();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "inventory-service", types = StockApi.class)
	static class StockApiConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserServiceTokensConfiguration {

		@Bean
		ServiceTokens myServiceTokens() {
			return ServiceTokens
				.builder(dev.s2s.security.outbound.ClientCredentials.clientSecretBasic("mine", () -> "x"))
				.tokenUri(URI.create("http://127.0.0.1:1/token"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInterceptorConfiguration {

		@Bean
		ServiceTokenInterceptor myInterceptor(ServiceTokens tokens) {
			return new ServiceTokenInterceptor(tokens);
		}

		@Bean
		ServiceTokenExchangeFilterFunction myFilter(ServiceTokens tokens) {
			return new ServiceTokenExchangeFilterFunction(tokens);
		}

	}

}
