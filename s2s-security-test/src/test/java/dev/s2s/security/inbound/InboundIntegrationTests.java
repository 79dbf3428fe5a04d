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
package dev.s2s.security.inbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end inbound behaviour, the same for the servlet and reactive stacks: a real
 * application on a loopback port, real tokens from a {@link FakeTokenIssuer}, real HTTP.
 */
abstract class InboundIntegrationTests {

	/** Shared by the servlet and reactive classes; stopped with the test JVM. */
	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	static void issuerProperties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.issuers[0].delegating-clients", () -> "gateway");
		registry.add("s2s.security.inbound.jwks.min-refresh-interval", () -> "100ms");
	}

	@AfterEach
	void recoverIssuer() {
		issuer.reset();
	}

	@Test
	void serviceTokenIsAServiceCaller() throws Exception {
		HttpResponse<String> response = get(
				issuer.serviceToken("order-service").audience("inventory-service").scopes("inventory.read").sign());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ServiceAuthentication order-service [inventory.read]");
	}

	@Test
	void userTokenIsAUserCaller() throws Exception {
		HttpResponse<String> response = get(issuer.userToken("alice").audience("inventory-service").sign());
		assertThat(response.body()).isEqualTo("UserAuthentication alice []");
	}

	@Test
	void exchangedTokenIsADelegatedCaller() throws Exception {
		HttpResponse<String> response = get(
				issuer.delegatedToken("alice", "order-service").audience("inventory-service").sign());
		assertThat(response.body()).isEqualTo("DelegatedAuthentication alice via order-service");
	}

	@Test
	void userTokenOfADelegatingClientIsADelegatedCaller() throws Exception {
		HttpResponse<String> response = get(
				issuer.userToken("alice").clientId("gateway").audience("inventory-service").sign());
		assertThat(response.body()).isEqualTo("DelegatedAuthentication alice via gateway");
	}

	@Test
	void noTokenIs401WithBearerChallenge() throws Exception {
		HttpResponse<String> response = send(request().build());
		assertThat(response.statusCode()).isEqualTo(401);
		// Spring Security 7.1 adds RFC 9728 resource metadata (this service's own
		// address).
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
	}

	@Test
	void badTokensAre401InvalidTokenWithAGenericDescription() throws Exception {
		var bad = issuer.badTokens("inventory-service");
		for (String token : new String[] { bad.expired(), bad.wrongAudience(), bad.algNone(),
				bad.hs256SignedWithPublicKey(), bad.idTokenShaped(), bad.missingExpiry(), bad.wrongIssuer(), "garbage",
				"a.b.c" }) {
			HttpResponse<String> response = get(token);
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(token)
				.hasValueSatisfying((challenge) -> assertThat(challenge)
					.startsWith("Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"")
					.doesNotContain(issuer.issuerUri().toString()));
			assertThat(response.body()).doesNotContain("Exception").doesNotContain(issuer.issuerUri().toString());
		}
	}

	@Test
	void identityProviderOutageIs401NotA500() throws Exception {
		issuer.jwksEndpoint().fail(Fault.HTTP_500);
		issuer.rotateKey(); // a key the service has not seen yet
		HttpResponse<String> response = get(issuer.serviceToken("order-service").audience("inventory-service").sign());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token")
				.doesNotContain(issuer.issuerUri().toString()));
	}

	private HttpResponse<String> get(String token) throws Exception {
		return send(request().header("Authorization", "Bearer " + token).build());
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami"));
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Takes the caller as a parameter, as a user's controller would.
	 */
	@RestController
	static class WhoAmIController {

		@GetMapping("/whoami")
		String whoAmI(CallerAuthentication caller) {
			if (caller instanceof DelegatedAuthentication delegated) {
				return "DelegatedAuthentication " + delegated.getSubject() + " via " + delegated.getActingServiceId();
			}
			String id = (caller instanceof ServiceAuthentication service) ? service.getServiceId() : caller.getName();
			return caller.getClass().getSimpleName() + " " + id + " " + caller.getScopes();
		}

	}

}
