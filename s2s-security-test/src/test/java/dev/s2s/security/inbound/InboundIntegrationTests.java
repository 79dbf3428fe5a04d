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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
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

	/** A second trusted issuer, with audiences of its own and at+jwt required. */
	static final FakeTokenIssuer partner = FakeTokenIssuer.start();

	@Autowired
	RevokedTokens revoked;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	static void issuerProperties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.issuers[0].delegating-clients", () -> "gateway");
		registry.add("s2s.security.inbound.issuers[0].audiences", () -> "inventory-service,inventory-eu");
		registry.add("s2s.security.inbound.issuers[1].issuer-uri", () -> partner.issuerUri().toString());
		registry.add("s2s.security.inbound.issuers[1].audiences", () -> "inventory-partner");
		registry.add("s2s.security.inbound.issuers[1].require-at-jwt-type", () -> "true");
		registry.add("s2s.security.inbound.jwks.min-refresh-interval", () -> "100ms");
	}

	@AfterEach
	void recoverIssuers() {
		issuer.reset();
		partner.reset();
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

	@Test
	void aUserNamedLikeTheClientIsStillAUser() throws Exception {
		HttpResponse<String> response = get(
				issuer.userToken("order-service").clientId("order-service").audience("inventory-service").sign());
		assertThat(response.body()).isEqualTo("UserAuthentication order-service []");
	}

	@Test
	void applicationValidatorRunsOnEveryRequestCachedTokensIncluded() throws Exception {
		String jti = "jti-" + UUID.randomUUID();
		String token = issuer.serviceToken("order-service").audience("inventory-service").claim("jti", jti).sign();
		assertThat(get(token).statusCode()).isEqualTo(200);
		assertThat(get(token).statusCode()).isEqualTo(200);
		this.revoked.revoke(jti);
		HttpResponse<String> afterRevocation = get(token);
		assertThat(afterRevocation.statusCode()).isEqualTo(401);
		assertThat(afterRevocation.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
	}

	@Test
	void oneOfSeveralAudiencesIsEnough() throws Exception {
		assertThat(get(issuer.serviceToken("order-service").audience("billing-service", "inventory-eu").sign())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void eachIssuerAcceptsOnlyItsOwnAudiences() throws Exception {
		assertThat(get(partner.serviceToken("partner-service").audience("inventory-partner").sign()).statusCode())
			.isEqualTo(200);
		assertThat(get(partner.serviceToken("partner-service").audience("inventory-service").sign()).statusCode())
			.isEqualTo(401);
		assertThat(get(issuer.serviceToken("order-service").audience("inventory-partner").sign()).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anIssuerThatRequiresAtJwtRefusesOtherTypes() throws Exception {
		assertThat(get(partner.serviceToken("partner-service").audience("inventory-partner").type("JWT").sign())
			.statusCode()).isEqualTo(401);
		assertThat(get(partner.serviceToken("partner-service").audience("inventory-partner").withoutType().sign())
			.statusCode()).isEqualTo(401);
		// The first issuer does not require it.
		assertThat(
				get(issuer.serviceToken("order-service").audience("inventory-service").type("JWT").sign()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void twoAuthorizationHeadersAreABadRequestAndTheHandlerDoesNotRun() throws Exception {
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
		assertInvalidRequest(send(request().header("Authorization", "Bearer " + token)
			.header("Authorization", "Bearer " + token)
			.build()));
	}

	@Test
	void twoBearerValuesInOneHeaderAreABadRequest() throws Exception {
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
		assertInvalidRequest(send(request().header("Authorization", "Bearer " + token + ", Bearer " + token).build()));
		assertInvalidRequest(send(request().header("Authorization", "Bearer " + token + " " + token).build()));
	}

	@Test
	void aTokenInTheQueryStringIsABadRequestWithOrWithoutAHeader() throws Exception {
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
		assertInvalidRequest(send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami?access_token=" + token))
					.header("Authorization", "Bearer " + token)
					.build()));
		assertInvalidRequest(send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami?a=1&access%5Ftoken=" + token))
			.build()));
	}

	private static void assertInvalidRequest(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.headers().map().toString()).isEqualTo(400);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_request\""));
		assertThat(response.body()).doesNotStartWith("ServiceAuthentication");
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
	 * An application's own check, a revocation list, as an {@code OAuth2TokenValidator}
	 * bean.
	 */
	static class RevokedTokens implements OAuth2TokenValidator<Jwt> {

		private final Set<String> revoked = ConcurrentHashMap.newKeySet();

		void revoke(String jti) {
			this.revoked.add(jti);
		}

		@Override
		public OAuth2TokenValidatorResult validate(Jwt jwt) {
			return this.revoked.contains(jwt.getId())
					? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
					: OAuth2TokenValidatorResult.success();
		}

	}

	/**
	 * Takes the caller as a parameter, as a user's controller would.
	 */
	@RestController
	static class WhoAmIController {

		@GetMapping("/whoami")
		String whoAmI(CallerAuthentication caller) {
			if (caller instanceof DelegatedAuthentication delegated) {
				return "DelegatedAuthentication " + delegated.getUserId() + " via " + delegated.getServiceId();
			}
			String id = (caller instanceof ServiceAuthentication service) ? service.getServiceId() : caller.getName();
			return caller.getClass().getSimpleName() + " " + id + " " + caller.getScopes();
		}

	}

}
