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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for fault injection on the endpoints of {@link FakeTokenIssuer}.
 */
class EndpointFaultTests {

	private static FakeTokenIssuer issuer;

	@BeforeAll
	static void startIssuer() {
		issuer = FakeTokenIssuer.start().registerClient("order-service", "order-secret");
	}

	@AfterAll
	static void closeIssuer() {
		issuer.close();
	}

	@AfterEach
	void reset() {
		issuer.reset();
	}

	@Test
	void jwksWhenDownThenConnectionDropsAndRequestIsLogged() {
		issuer.jwksEndpoint().fail(Fault.DOWN);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Http.get(issuer.jwksUri()));
		// The JDK client retries a GET once on a dropped connection; both attempts are
		// logged.
		assertThat(issuer.requests(Endpoint.JWKS)).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.status()).isZero());
	}

	@Test
	void jwksWhenHttp500ThenSpringDecoderFails() throws IOException {
		issuer.jwksEndpoint().fail(Fault.HTTP_500);
		String token = issuer.serviceToken("order-service").audience("inventory-service").sign();

		assertThat(Http.get(issuer.jwksUri()).statusCode()).isEqualTo(500);
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> Decoders.atJwt(issuer, "inventory-service").decode(token));
	}

	@Test
	void jwksWhenGarbageThenOkButNotJson() throws IOException {
		issuer.jwksEndpoint().fail(Fault.GARBAGE);

		HttpResponse<String> response = Http.get(issuer.jwksUri());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThatException().isThrownBy(() -> Http.json(response));
	}

	@Test
	void tokenEndpointWhenSlowThenClientTimesOutAndLaterRequestsAnswer() throws IOException {
		issuer.tokenEndpoint().failNext(1, Fault.delay(Duration.ofSeconds(3)));
		HttpRequest request = HttpRequest.newBuilder(issuer.tokenUri())
			.timeout(Duration.ofMillis(200))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", Http.basic("order-service", "order-secret"))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> Http.send(request));
		assertThat(Http
			.postForm(issuer.tokenUri(), "grant_type=client_credentials", "Authorization",
					Http.basic("order-service", "order-secret"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenEndpointWhenFailNextThenRecoversAfterThatManyRequests() throws IOException {
		issuer.tokenEndpoint().failNext(2, Fault.HTTP_500);
		String form = "grant_type=client_credentials";
		String basic = Http.basic("order-service", "order-secret");

		assertThat(Http.postForm(issuer.tokenUri(), form, "Authorization", basic).statusCode()).isEqualTo(500);
		assertThat(Http.postForm(issuer.tokenUri(), form, "Authorization", basic).statusCode()).isEqualTo(500);
		assertThat(Http.postForm(issuer.tokenUri(), form, "Authorization", basic).statusCode()).isEqualTo(200);
		assertThat(issuer.requests(Endpoint.TOKEN)).extracting(RecordedRequest::status).containsExactly(500, 500, 200);
		assertThat(issuer.requests(Endpoint.TOKEN))
			.allSatisfy((request) -> assertThat(request.clientId()).isEqualTo("order-service"));
	}

	@Test
	void discoveryWhenDownThenSpringCannotResolveIssuerUntilRecovered() {
		issuer.discoveryEndpoint().fail(Fault.DOWN);

		assertThatException().isThrownBy(() -> JwtDecoders.fromIssuerLocation(issuer.issuerUri().toString()));

		issuer.discoveryEndpoint().recover();

		assertThat(JwtDecoders.<org.springframework.security.oauth2.jwt.JwtDecoder>fromIssuerLocation(
				issuer.issuerUri().toString()))
			.isNotNull();
	}

	@Test
	void resetWhenFaultsSetThenEndpointsAnswerAndLogIsEmpty() throws IOException {
		issuer.jwksEndpoint().fail(Fault.HTTP_500);
		issuer.tokenEndpoint().fail(Fault.DOWN);
		Http.get(issuer.jwksUri());

		issuer.reset();

		assertThat(issuer.requests()).isEmpty();
		assertThat(Http.get(issuer.jwksUri()).statusCode()).isEqualTo(200);
		assertThat(issuer.jwksEndpoint()).hasToString("JWKS: healthy");
	}

}
