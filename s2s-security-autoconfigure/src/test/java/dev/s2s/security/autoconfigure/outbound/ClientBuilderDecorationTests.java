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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.outbound.TestServer;
import dev.s2s.security.outbound.TestTokenEndpoint;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientSsl;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the redirect guard reaches every client Boot builds, while the application's own
 * client settings (timeouts, SSL bundles, factories and connectors built from Boot's
 * builders) stay in force: real contexts, real servers on loopback.
 */
class ClientBuilderDecorationTests {

	private final TestTokenEndpoint endpoint = TestTokenEndpoint.start();

	private final TestServer inventory = TestServer.start("127.0.0.1");

	private final TestServer other = TestServer.start("localhost");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class,
				SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=order-service",
				"s2s.security.outbound.token-uri=" + this.endpoint.tokenUri(),
				"s2s.security.outbound.client-secret=s3cr3t-never-shown",
				"s2s.security.outbound.targets.inventory-service.base-urls=" + this.inventory.url());

	@AfterEach
	void close() {
		this.endpoint.close();
		this.inventory.close();
		this.other.close();
	}

	@Test
	void readTimeoutOfSpringHttpClientsFiresForTargetAndOtherUrlsOnEveryClient() {
		this.inventory.handler(ClientBuilderDecorationTests::slow);
		this.other.handler(ClientBuilderDecorationTests::slow);
		this.contextRunner.withPropertyValues("spring.http.clients.read-timeout=1s").run((context) -> {
			RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			WebClient webClient = context.getBean(WebClient.Builder.class).build();
			for (String url : List.of(this.inventory.url() + "/slow", this.other.url() + "/slow")) {
				timesOut(() -> restTemplate.getForObject(url, String.class));
				timesOut(() -> restClient.get().uri(url).retrieve().body(String.class));
				timesOut(() -> webClient.get().uri(url).retrieve().bodyToMono(String.class).block());
			}
			assertThat(this.inventory.authorizations()).hasSize(3).containsOnly("Bearer token-1");
			assertThat(this.other.authorizations()).hasSize(3).containsOnly("");
		});
	}

	@Test
	void readTimeoutSetOnRestTemplateBuilderFiresForTargetAndOtherUrls() {
		this.inventory.handler(ClientBuilderDecorationTests::slow);
		this.other.handler(ClientBuilderDecorationTests::slow);
		this.contextRunner.run((context) -> {
			RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class)
				.readTimeout(Duration.ofSeconds(1))
				.build();
			timesOut(() -> restTemplate.getForObject(this.inventory.url() + "/slow", String.class));
			timesOut(() -> restTemplate.getForObject(this.other.url() + "/slow", String.class));
		});
	}

	@Test
	void clientsConfiguredAfterCreationKeepTheRedirectGuard() {
		this.inventory.redirect("/stock", this.other.url() + "/landing");
		this.contextRunner.run((context) -> {
			SslBundle bundle = SslBundle.systemDefault();
			ClientHttpRequestFactoryBuilder<?> factories = context.getBean(ClientHttpRequestFactoryBuilder.class);
			ClientHttpConnectorBuilder<?> connectors = context.getBean(ClientHttpConnectorBuilder.class);
			HttpClientSettings settings = HttpClientSettings.defaults().withReadTimeout(Duration.ofSeconds(5));
			List<RestClient> restClients = List.of(
					context.getBean(RestClient.Builder.class)
						.apply(context.getBean(RestClientSsl.class).fromBundle(bundle))
						.build(),
					context.getBean(RestClient.Builder.class).requestFactory(factories.build(settings)).build());
			List<RestTemplate> restTemplates = List.of(
					context.getBean(RestTemplateBuilder.class).sslBundle(bundle).build(),
					context.getBean(RestTemplateBuilder.class).readTimeout(Duration.ofSeconds(5)).build());
			List<WebClient> webClients = List.of(
					context.getBean(WebClient.Builder.class)
						.apply(context.getBean(WebClientSsl.class).fromBundle(bundle))
						.build(),
					context.getBean(WebClient.Builder.class).clientConnector(connectors.build(settings)).build());
			List<Integer> statuses = new ArrayList<>();
			String url = this.inventory.url() + "/stock";
			restClients.forEach((client) -> statuses
				.add(client.get().uri(url).exchange((request, response) -> response.getStatusCode().value())));
			restTemplates
				.forEach((client) -> statuses.add(client.getForEntity(url, String.class).getStatusCode().value()));
			webClients.forEach((client) -> statuses.add(client.get()
				.uri(url)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10))));
			assertThat(statuses).containsOnly(302).hasSize(6);
			assertThat(this.other.paths()).isEmpty();
			assertThat(this.inventory.authorizations()).hasSize(6).containsOnly("Bearer token-1");
		});
	}

	@Test
	void startupFailsWhenTheApplicationDefinesARequestFactoryBuilderBootDoesNotCustomize() {
		this.contextRunner
			.withBean("myRequestFactoryBuilder", ClientHttpRequestFactoryBuilder.class,
					ClientHttpRequestFactoryBuilder::jdk)
			.run((context) -> assertThat(failure(context))
				.hasMessageContaining("own ClientHttpRequestFactoryBuilder bean")
				.hasMessageContaining("ClientHttpRequestFactoryBuilderCustomizer")
				.hasMessageContaining("spring.http.clients.redirects: dont-follow"));
	}

	@Test
	void startupFailsWhenTheApplicationDefinesAConnectorBuilderBootDoesNotCustomize() {
		this.contextRunner
			.withBean("myConnectorBuilder", ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::jdk)
			.run((context) -> assertThat(failure(context)).hasMessageContaining("own ClientHttpConnectorBuilder bean")
				.hasMessageContaining("ClientHttpConnectorBuilderCustomizer"));
	}

	@Test
	void ownBuilderBeansAreFineWhenRedirectsAreNotFollowed() {
		this.contextRunner.withPropertyValues("spring.http.clients.redirects=dont-follow")
			.withBean("myRequestFactoryBuilder", ClientHttpRequestFactoryBuilder.class,
					ClientHttpRequestFactoryBuilder::jdk)
			.withBean("myConnectorBuilder", ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::jdk)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static Throwable failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
	}

	private static int slow(Object exchange, String authorization) {
		try {
			Thread.sleep(3000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 200;
	}

	private static void timesOut(ThrowingCallable call) {
		assertThatThrownBy(call).satisfies((ex) -> {
			List<String> causes = new ArrayList<>();
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				causes.add(cause.getClass().getSimpleName());
			}
			assertThat(causes).anyMatch((name) -> name.contains("Timeout"));
		});
	}

}
