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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundAutoConfiguration;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.TestCertificate;
import dev.s2s.security.test.TestCertificateAuthority;
import org.junit.jupiter.api.AfterAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code s2s.security.outbound.targets.<name>.ssl-bundle} over real TLS on loopback: the
 * target, which requires a client certificate, gets the bundle's from {@code RestClient},
 * {@code RestTemplate} and {@code WebClient}; another HTTPS URL gets the builder's own
 * settings (here Boot's {@code spring.http.clients.ssl.bundle}, a trust store alone), so
 * no certificate; a bundle updated in the registry is presented from the next connection
 * on.
 */
class TargetClientCertificateTests {

	static final TestCertificateAuthority ca = TestCertificateAuthority.create("prod.example.org");

	static final TestCertificate order = ca.svid("ns/shop/sa/order-service");

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start().registerClient("order-service", "order-secret");

	final TlsServer inventory = TlsServer.requiringClientCertificate(ca);

	final TlsServer other = TlsServer.askingForClientCertificate(ca);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class, S2sOutboundAutoConfiguration.class,
				SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, HttpServiceClientPropertiesAutoConfiguration.class,
				HttpServiceClientAutoConfiguration.class))
		.withPropertyValues("s2s.security.service-id=order-service",
				"s2s.security.outbound.token-uri=" + issuer.tokenUri(),
				"s2s.security.outbound.client-secret=order-secret",
				"s2s.security.outbound.targets.inventory-service.base-urls=" + this.inventory.url(),
				"spring.ssl.bundle.pem.trust.truststore.certificate=" + ca.caCertificatePem(),
				"spring.http.clients.ssl.bundle=trust")
		.withPropertyValues(properties(order.sslBundleProperties("order", ca)));

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@org.junit.jupiter.api.AfterEach
	void closeServers() {
		this.inventory.close();
		this.other.close();
	}

	@Test
	void targetGetsTheBundlesCertificateAndOtherUrlsKeepTheBuildersSettings() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order")
			.run((context) -> {
				for (Function<String, String> client : clients(context)) {
					assertThat(client.apply(this.inventory.url() + "/stock")).isEqualTo("ok");
					assertThat(client.apply(this.other.url() + "/landing")).isEqualTo("ok");
				}
				assertThat(this.inventory.seen()).hasSize(3).allSatisfy((seen) -> {
					assertThat(seen.certificate()).isEqualTo(order.certificate());
					assertThat(seen.authorization()).startsWith("Bearer ");
				});
				assertThat(this.other.seen()).hasSize(3).allSatisfy((seen) -> {
					assertThat(seen.certificate()).isNull();
					assertThat(seen.authorization()).isEmpty();
				});
			});
	}

	@Test
	void withoutTheTargetsBundleTheTargetRefusesTheHandshake() {
		this.contextRunner.run((context) -> {
			for (Function<String, String> client : clients(context)) {
				assertThat(failure(() -> client.apply(this.inventory.url() + "/stock"))).isNotNull();
			}
			assertThat(this.inventory.seen()).isEmpty();
		});
	}

	@Test
	void bundleUpdatedInTheRegistryIsPresentedFromTheNextConnectionOn() {
		TestCertificate rotated = ca.svid("ns/shop/sa/order-service");
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order")
			.run((context) -> {
				List<Function<String, String>> clients = clients(context);
				clients.forEach((client) -> client.apply(this.inventory.url() + "/stock"));
				context.getBean(SslBundleRegistry.class).updateBundle("order", rotated.sslBundle(ca));
				clients.forEach((client) -> client.apply(this.inventory.url() + "/stock"));
				assertThat(this.inventory.seen()).extracting(TlsServer.Seen::certificate)
					.containsExactly(order.certificate(), order.certificate(), order.certificate(),
							rotated.certificate(), rotated.certificate(), rotated.certificate());
			});
	}

	@Test
	void bundleBootReloadsFromItsFilesIsPresentedWithoutARestart(@TempDir Path certs) throws IOException {
		TestCertificate rotated = ca.svid("ns/shop/sa/order-service");
		write(certs, order);
		Files.writeString(certs.resolve("bundle.pem"), ca.caCertificatePem());
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=svid",
				"spring.ssl.bundle.watch.file.quiet-period=100ms", "spring.ssl.bundle.pem.svid.reload-on-update=true",
				"spring.ssl.bundle.pem.svid.keystore.certificate=file:" + certs.resolve("svid.pem"),
				"spring.ssl.bundle.pem.svid.keystore.private-key=file:" + certs.resolve("svid_key.pem"),
				"spring.ssl.bundle.pem.svid.truststore.certificate=file:" + certs.resolve("bundle.pem"))
			.run((context) -> {
				RestClient restClient = context.getBean(RestClient.Builder.class).build();
				String url = this.inventory.url() + "/stock";
				restClient.get().uri(url).retrieve().body(String.class);
				write(certs, rotated);
				Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					restClient.get().uri(url).retrieve().body(String.class);
					List<TlsServer.Seen> seen = this.inventory.seen();
					assertThat(seen.get(seen.size() - 1).certificate()).isEqualTo(rotated.certificate());
				});
				assertThat(this.inventory.seen().get(0).certificate()).isEqualTo(order.certificate());
			});
	}

	private static void write(Path directory, TestCertificate certificate) throws IOException {
		// The key first: the watcher reloads once the pair is consistent again.
		Files.writeString(directory.resolve("svid_key.pem"), certificate.privateKeyPem());
		Files.writeString(directory.resolve("svid.pem"), certificate.chainPem());
	}

	@Test
	void onlyUrlsUnderTheBaseUrlGetTheCertificateOnTheSameHostAndPort() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.other-api.base-urls=" + this.other.url() + "/api",
					"s2s.security.outbound.targets.other-api.ssl-bundle=order")
			.run((context) -> {
				for (Function<String, String> client : clients(context)) {
					client.apply(this.other.url() + "/api/items");
					client.apply(this.other.url() + "/apiary");
					client.apply(this.other.url() + "/public");
				}
				assertThat(this.other.seen()).extracting(TlsServer.Seen::certificate)
					.containsExactly(order.certificate(), null, null, order.certificate(), null, null,
							order.certificate(), null, null);
			});
	}

	@Test
	void targetGetsTheCertificateWhenClientsDoNotFollowRedirects() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order",
					"spring.http.clients.redirects=dont-follow")
			.run((context) -> {
				for (Function<String, String> client : clients(context)) {
					assertThat(client.apply(this.inventory.url() + "/stock")).isEqualTo("ok");
					assertThat(client.apply(this.other.url() + "/landing")).isEqualTo("ok");
				}
				assertThat(this.inventory.seen()).hasSize(3)
					.allSatisfy((seen) -> assertThat(seen.certificate()).isEqualTo(order.certificate()));
				assertThat(this.other.seen()).hasSize(3).allSatisfy((seen) -> assertThat(seen.certificate()).isNull());
			});
	}

	@Test
	void applicationsOwnRequestFactoryBuilderBeanFailsStartupWhileATargetHasABundle() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order",
					"spring.http.clients.redirects=dont-follow")
			.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("defines its own ClientHttpRequestFactoryBuilder bean")
				.hasMessageContaining("s2s.security.outbound.targets.<name>.ssl-bundle"));
	}

	@Test
	void targetWhoseNameCannotNameAGroupStillGetsItsCertificate() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets[Inventory_Svc].base-urls=" + this.inventory.url(),
					"s2s.security.outbound.targets[Inventory_Svc].ssl-bundle=order",
					"s2s.security.outbound.targets.inventory-service.base-urls=https://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				clients(context).forEach((client) -> client.apply(this.inventory.url() + "/stock"));
				assertThat(this.inventory.seen()).hasSize(3)
					.allSatisfy((seen) -> assertThat(seen.certificate()).isEqualTo(order.certificate()));
			});
	}

	@Test
	void unknownBundleFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=orders")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.targets.inventory-service.ssl-bundle")
				.hasMessageContaining("There is no SSL bundle 'orders'"));
	}

	@Test
	void serviceClientGroupNamingAnotherBundleFailsStartup() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order",
					"spring.http.serviceclient.inventory-service.ssl.bundle=trust")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("s2s.security.outbound.targets.inventory-service.ssl-bundle")
				.hasMessageContaining("spring.http.serviceclient.inventory-service.ssl.bundle: trust"));
	}

	@Test
	void serviceClientGroupNamingTheSameBundleStarts() {
		this.contextRunner
			.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order",
					"spring.http.serviceclient.inventory-service.ssl.bundle=order")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void httpExchangeGroupNamedAfterTheTargetPresentsTheTargetsCertificate() {
		this.contextRunner.withPropertyValues("s2s.security.outbound.targets.inventory-service.ssl-bundle=order")
			.withUserConfiguration(StockApiConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(StockApi.class).stock()).isEqualTo("ok");
				assertThat(this.inventory.seen()).singleElement()
					.satisfies((seen) -> assertThat(seen.certificate()).isEqualTo(order.certificate()));
			});
	}

	@Test
	void bundleOfTheGroupAloneAppliesToTheGroupsClientsAlone() {
		this.contextRunner.withPropertyValues("spring.http.serviceclient.inventory-service.ssl.bundle=order")
			.withUserConfiguration(StockApiConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(StockApi.class).stock()).isEqualTo("ok");
				assertThat(this.inventory.seen()).singleElement()
					.satisfies((seen) -> assertThat(seen.certificate()).isEqualTo(order.certificate()));
				RestClient restClient = context.getBean(RestClient.Builder.class).build();
				assertThat(failure(
						() -> restClient.get().uri(this.inventory.url() + "/stock").retrieve().toBodilessEntity()))
					.isNotNull();
			});
	}

	static List<Function<String, String>> clients(AssertableApplicationContext context) {
		RestClient restClient = context.getBean(RestClient.Builder.class).build();
		RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
		WebClient webClient = context.getBean(WebClient.Builder.class).build();
		List<Function<String, String>> clients = new ArrayList<>();
		clients.add((url) -> restClient.get().uri(url).retrieve().body(String.class));
		clients.add((url) -> restTemplate.getForObject(url, String.class));
		clients.add((url) -> webClient.get().uri(url).retrieve().bodyToMono(String.class).block());
		return clients;
	}

	static String[] properties(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	interface StockApi {

		@GetExchange("/stock")
		String stock();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "inventory-service", types = StockApi.class)
	static class StockApiConfiguration {

	}

	private static Throwable failure(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

}
