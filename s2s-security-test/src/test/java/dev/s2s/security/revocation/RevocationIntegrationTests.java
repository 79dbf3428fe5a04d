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
package dev.s2s.security.revocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.inbound.RejectedTokenException;
import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End-to-end revocation with the in-memory store, the same for the servlet and reactive
 * stacks: a real application on a loopback port, real tokens from a
 * {@link FakeTokenIssuer}, real HTTP. The store is wrapped so that tests can make it
 * fail.
 */
abstract class RevocationIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	@Autowired
	TokenRevocation revocation;

	@Autowired
	SwitchableStore store;

	@Autowired
	JwtDecoder decoder;

	@Autowired
	MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	static void revocationProperties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.revocation.store", () -> "memory");
		registry.add("s2s.security.inbound.revocation.retry-after", () -> "7s");
		registry.add("s2s.security.authorization.service-paths[0].pattern", () -> "/actuator/s2srevocation");
		registry.add("s2s.security.authorization.service-paths[0].services", () -> "ops-console");
		registry.add("management.endpoints.web.exposure.include", () -> "s2srevocation");
		registry.add("management.endpoint.s2srevocation.access", () -> "unrestricted");
	}

	@AfterEach
	void heal() {
		this.store.down = false;
	}

	@Test
	void revokedTokenIsRefusedOnItsNextRequestThoughCached() throws Exception {
		String jti = "jti-" + UUID.randomUUID();
		String token = token("order-service", jti);
		assertThat(get(token).statusCode()).isEqualTo(200);
		assertThat(get(token).statusCode()).as("served from the verified-token cache").isEqualTo(200);
		this.revocation.revokeToken(jti);
		assertRevoked(token);
		assertThat(get(token("order-service", "jti-" + UUID.randomUUID())).statusCode()).isEqualTo(200);
	}

	@Test
	void revokedClientLosesEveryTokenIssuedUpToNowAndKeepsLaterOnes() throws Exception {
		String before = token("billing-service", "jti-" + UUID.randomUUID());
		assertThat(get(before).statusCode()).isEqualTo(200);
		Instant revokedAt = Instant.now();
		this.revocation.revokeClient("billing-service", revokedAt);
		assertRevoked(before);
		String after = issuer.serviceToken("billing-service")
			.audience("inventory-service")
			.issuedAt(revokedAt.plusSeconds(1))
			.sign();
		assertThat(get(after).statusCode()).isEqualTo(200);
	}

	@Test
	void revokedSubjectLosesItsTokens() throws Exception {
		String token = issuer.userToken("mallory").audience("inventory-service").sign();
		assertThat(get(token).statusCode()).isEqualTo(200);
		this.revocation.revokeSubject("mallory");
		assertRevoked(token);
	}

	@Test
	void storeDownInFailModeClosedIs503WithRetryAfterAndRecoversWithoutRestart() throws Exception {
		String token = token("order-service", "jti-" + UUID.randomUUID());
		assertThat(get(token).statusCode()).isEqualTo(200);
		this.store.down = true;
		HttpResponse<String> unavailable = get(token);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(unavailable.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(unavailable.body()).doesNotContain("Exception");
		assertThat(get(token("order-service", "jti-" + UUID.randomUUID())).statusCode())
			.as("a token not seen before: verified, then the same check")
			.isEqualTo(503);
		assertThat(this.meters.get("s2s.security.inbound.revocation.checks")
			.tag("outcome", "failed-closed")
			.timer()
			.count()).isGreaterThanOrEqualTo(2);
		assertThat(this.meters.get("s2s.security.inbound.refusals")
			.tag("status", "503")
			.tag("reason", "revocation_unavailable")
			.counter()
			.count()).as("counted as what it is, not as a missing token").isGreaterThanOrEqualTo(2);
		this.store.down = false;
		assertThat(get(token).statusCode()).isEqualTo(200);
	}

	@Test
	void actuatorEndpointRevokesForTheServiceThePathRuleAdmits() throws Exception {
		String jti = "jti-" + UUID.randomUUID();
		String token = token("order-service", jti);
		assertThat(get(token).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = post(token("order-service", "jti-" + UUID.randomUUID()),
				"{\"jti\":\"" + jti + "\"}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(get(token).statusCode()).as("not revoked by a service the rule does not admit").isEqualTo(200);
		HttpResponse<String> revoked = post(token("ops-console", "jti-" + UUID.randomUUID()),
				"{\"jti\":\"" + jti + "\"}");
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.body()).contains(RevocationKey.token(jti).digest()).doesNotContain(jti);
		assertRevoked(token);
		HttpResponse<String> invalid = post(token("ops-console", "jti-" + UUID.randomUUID()),
				"{\"jti\":\"a\",\"client\":\"b\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
	}

	private void assertRevoked(String token) throws Exception {
		HttpResponse<String> response = get(token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
		assertThatExceptionOfType(RejectedTokenException.class).isThrownBy(() -> this.decoder.decode(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RevocationCheck.REVOKED));
	}

	private static String token(String client, String jti) {
		return issuer.serviceToken(client).audience("inventory-service").claim("jti", jti).sign();
	}

	private HttpResponse<String> get(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String token, String json) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/s2srevocation"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The in-memory store, which a test can take down.
	 */
	static class SwitchableStore implements RevocationStore {

		private final InMemoryRevocationStore delegate = new InMemoryRevocationStore(1000, Clock.systemUTC());

		volatile boolean down;

		@Override
		public void revoke(RevocationKey key, Instant issuedBefore, Instant keepUntil) {
			this.delegate.revoke(key, issuedBefore, keepUntil);
		}

		@Override
		public List<@Nullable Instant> find(List<RevocationKey> keys) {
			if (this.down) {
				throw new RevocationStoreException("store down (test)");
			}
			return this.delegate.find(keys);
		}

	}

	@RestController
	static class WhoAmIController {

		@GetMapping("/whoami")
		String whoAmI(CallerAuthentication caller) {
			return caller.getName();
		}

	}

}
