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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.s2s.security.outbound.ServiceTokenExchangeFilterFunction;
import dev.s2s.security.outbound.ServiceTokens;
import dev.s2s.security.test.DPoPKey;
import dev.s2s.security.test.Endpoint;
import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service using the starter calls a DPoP-requiring target end to end: it asks the
 * identity provider for a DPoP-bound token with a proof of its own key, and sends a fresh
 * proof (with {@code ath}) on every request, through the auto-configured
 * {@code RestClient} and the {@code WebClient} filter; a target asking for a nonce gets
 * it on the next attempt.
 */
class DPoPOutboundIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start().registerClient("order-service", "order-secret");

	static ConfigurableApplicationContext inventory;

	static ConfigurableApplicationContext order;

	static HttpServer nonceTarget;

	static final List<String> nonceTargetProofs = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() throws IOException {
		nonceTarget = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		nonceTarget.createContext("/", DPoPOutboundIntegrationTests::nonceTarget);
		nonceTarget.start();
		inventory = new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"s2s.security.service-id=inventory-service",
					"s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri(),
					"s2s.security.inbound.dpop.mode=required")
			.run();
		int port = ((WebServerApplicationContext) inventory).getWebServer().getPort();
		order = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "s2s.security.service-id=order-service",
					"s2s.security.outbound.token-uri=" + issuer.tokenUri(),
					"s2s.security.outbound.client-secret=order-secret",
					"s2s.security.outbound.targets.inventory.base-urls=http://127.0.0.1:" + port,
					"s2s.security.outbound.targets.inventory.audience=inventory-service",
					"s2s.security.outbound.targets.inventory.dpop=true",
					"s2s.security.outbound.targets.pricing.base-urls=http://127.0.0.1:"
							+ nonceTarget.getAddress().getPort(),
					"s2s.security.outbound.targets.pricing.audience=pricing-service",
					"s2s.security.outbound.targets.pricing.dpop=true")
			.run();
	}

	@AfterAll
	static void stop() {
		order.close();
		inventory.close();
		nonceTarget.stop(0);
	}

	@Test
	void restClientAndWebClientCallADPoPRequiringTargetWithOneBoundTokenAndAFreshProofPerRequest() {
		issuer.reset();
		String url = "http://127.0.0.1:" + ((WebServerApplicationContext) inventory).getWebServer().getPort()
				+ "/whoami";
		RestClient rest = order.getBean(RestClient.Builder.class).build();
		WebClient web = webClient();
		for (int i = 0; i < 3; i++) {
			assertThat(rest.get().uri(url).retrieve().body(String.class)).isEqualTo("order-service");
			assertThat(web.get().uri(url).retrieve().bodyToMono(String.class).block()).isEqualTo("order-service");
		}
		assertThat(issuer.requests(Endpoint.TOKEN)).as("one bound token, sent with six proofs").hasSize(1);
	}

	@Test
	void targetAskingForANonceGetsItOnTheNextAttempt() throws ParseException {
		nonceTargetProofs.clear();
		String url = "http://127.0.0.1:" + nonceTarget.getAddress().getPort() + "/price";
		RestClient rest = order.getBean(RestClient.Builder.class).build();
		assertThat(rest.get().uri(url).retrieve().body(String.class)).isEqualTo("42");
		assertThat(nonceTargetProofs).hasSize(2);
		assertThat(SignedJWT.parse(nonceTargetProofs.get(0)).getJWTClaimsSet().getClaim("nonce")).isNull();
		SignedJWT second = SignedJWT.parse(nonceTargetProofs.get(1));
		assertThat(second.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("nonce-1");
		assertThat(second.getJWTClaimsSet().getStringClaim("htu")).isEqualTo(url);
		assertThat(second.getJWTClaimsSet().getStringClaim("ath")).isNotBlank();
		assertThat(second.getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(nonceTargetProofs.get(0)).getJWTClaimsSet().getJWTID());
		WebClient web = webClient();
		assertThat(web.get().uri(url).retrieve().bodyToMono(String.class).block()).as("the nonce is remembered")
			.isEqualTo("42");
		assertThat(nonceTargetProofs).hasSize(3);
	}

	/**
	 * A WebClient with the s2s filter, as Boot's builder has it where
	 * spring-boot-webclient is present (not on this module's class path).
	 */
	private static WebClient webClient() {
		return WebClient.builder()
			.clientConnector(new JdkClientHttpConnector())
			.filter(new ServiceTokenExchangeFilterFunction(order.getBean(ServiceTokens.class)))
			.build();
	}

	/**
	 * A resource server that requires a nonce (RFC 9449 section 9): {@code 401
	 * use_dpop_nonce} without it, {@code 200} with a bound token, its proof, and the
	 * nonce.
	 */
	private static void nonceTarget(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String proof = exchange.getRequestHeaders().getFirst("DPoP");
		boolean withNonce = false;
		if (proof != null) {
			nonceTargetProofs.add(proof);
			try {
				SignedJWT jwt = SignedJWT.parse(proof);
				withNonce = "nonce-1".equals(jwt.getJWTClaimsSet().getStringClaim("nonce")) && authorization != null
						&& authorization.startsWith("DPoP ")
						&& DPoPKey.hash(authorization.substring(5)).equals(jwt.getJWTClaimsSet().getStringClaim("ath"));
			}
			catch (ParseException ex) {
				withNonce = false;
			}
		}
		if (withNonce) {
			byte[] body = "42".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
		else {
			exchange.getResponseHeaders()
				.set("WWW-Authenticate",
						"DPoP error=\"use_dpop_nonce\", error_description=\"Resource server requires nonce in DPoP proof\"");
			exchange.getResponseHeaders().set("DPoP-Nonce", "nonce-1");
			exchange.sendResponseHeaders(401, -1);
		}
		exchange.close();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ DPoPIntegrationTests.WhoAmIController.class, SimpleMeterRegistry.class })
	static class App {

	}

}
