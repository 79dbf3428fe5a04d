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
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RecordingTarget}, used plainly (try-with-resources), over real HTTP.
 */
class RecordingTargetTests {

	@Test
	void recordsEveryPartOfARequestAsSent() throws IOException {
		try (RecordingTarget target = RecordingTarget.start(); FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			String token = issuer.serviceToken("order-service").audience("inventory-service").sign();
			HttpResponse<String> response = Http.send(HttpRequest.newBuilder(target.uri("/stock/a%2Fb?sku=1&x=%20"))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + token)
				.header("X-Correlation-Id", "corr-1")
				.header("X-Multi", "one")
				.header("X-Multi", "two")
				.POST(HttpRequest.BodyPublishers.ofString("{\"quantity\": 7}"))
				.build());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEmpty();
			assertThat(target.requestCount()).isOne();
			TargetRequest request = target.requests().get(0);
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/stock/a%2Fb");
			assertThat(request.query()).isEqualTo("sku=1&x=%20");
			assertThat(request.body()).isEqualTo("{\"quantity\": 7}");
			assertThat(request.authorization()).isEqualTo("Bearer " + token);
			assertThat(request.bearerToken()).isEqualTo(token);
			assertThat(request.correlationId()).isEqualTo("corr-1");
			assertThat(request.header("x-correlation-id")).isEqualTo("corr-1");
			assertThat(request.headers().get("X-MULTI")).containsExactly("one", "two");
			assertThat(request.tokenClaims()).containsEntry("sub", "order-service")
				.containsEntry("aud", "inventory-service")
				.containsEntry("iss", issuer.issuerUri().toString());
			assertThat(request.toString()).isEqualTo("POST /stock/a%2Fb?sku=1&x=%20 (bearer token)")
				.doesNotContain(token);
		}
	}

	@Test
	void aRequestWithoutABearerTokenHasNoClaims() throws IOException {
		try (RecordingTarget target = RecordingTarget.start()) {
			Http.send(HttpRequest.newBuilder(target.uri("/")).header("Authorization", "Basic YTpi").GET().build());
			Http.get(target.uri("/plain"));

			TargetRequest basic = target.requests().get(0);
			assertThat(basic.query()).isNull();
			assertThat(basic.bearerToken()).isNull();
			assertThatIllegalStateException().isThrownBy(basic::tokenClaims).withMessageContaining("no bearer token");
			assertThat(target.requests().get(1).authorization()).isNull();
		}
	}

	@Test
	void aBearerTokenThatIsNoJwtCannotBeDecoded() throws IOException {
		try (RecordingTarget target = RecordingTarget.start()) {
			Http.send(HttpRequest.newBuilder(target.uri("/")).header("Authorization", "bearer opaque-token").build());

			TargetRequest request = target.requests().get(0);
			assertThat(request.bearerToken()).isEqualTo("opaque-token");
			assertThatIllegalStateException().isThrownBy(request::tokenClaims)
				.withMessageContaining("not a signed JWT");
		}
	}

	@Test
	void answersWhatItIsToldThenQueuedResponsesFirst() throws IOException {
		try (RecordingTarget target = RecordingTarget.start()) {
			target.respond(TargetResponse.json("{\"quantity\":7}").header("X-Stock", "yes"))
				.respondOnce(TargetResponse.invalidToken())
				.respondOnce(TargetResponse.status(503).header("Retry-After", "1").body("later"));

			HttpResponse<String> first = Http.get(target.uri("/stock/1"));
			HttpResponse<String> second = Http.get(target.uri("/stock/1"));
			HttpResponse<String> third = Http.get(target.uri("/stock/1"));
			HttpResponse<String> fourth = Http.get(target.uri("/stock/1"));

			assertThat(first.statusCode()).isEqualTo(401);
			assertThat(first.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
			assertThat(second.statusCode()).isEqualTo(503);
			assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(second.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
			assertThat(second.body()).isEqualTo("later");
			for (HttpResponse<String> standing : List.of(third, fourth)) {
				assertThat(standing.statusCode()).isEqualTo(200);
				assertThat(standing.headers().firstValue("Content-Type")).hasValue("application/json");
				assertThat(standing.headers().firstValue("X-Stock")).hasValue("yes");
				assertThat(standing.body()).isEqualTo("{\"quantity\":7}");
			}
			assertThat(target.requestCount()).isEqualTo(4);
		}
	}

	@Test
	void aHeaderSetTwiceIsReplacedWhateverItsCase() throws IOException {
		try (RecordingTarget target = RecordingTarget.start()) {
			target.respond(TargetResponse.json("[]").header("content-type", "application/problem+json"));

			assertThat(Http.get(target.uri("/")).headers().allValues("Content-Type"))
				.containsExactly("application/problem+json");
		}
	}

	@Test
	void noContentAndHeadAnswersHaveNoBody() throws IOException {
		try (RecordingTarget target = RecordingTarget.start()) {
			target.respond(TargetResponse.status(204).body("ignored"));
			HttpResponse<String> noContent = Http.get(target.uri("/"));
			target.respond(TargetResponse.ok().body("not for HEAD"));
			HttpResponse<String> head = Http.send(HttpRequest.newBuilder(target.uri("/"))
				.method("HEAD", HttpRequest.BodyPublishers.noBody())
				.build());

			assertThat(noContent.statusCode()).isEqualTo(204);
			assertThat(noContent.body()).isEmpty();
			assertThat(head.statusCode()).isEqualTo(200);
			assertThat(head.body()).isEmpty();
			assertThat(target.requests()).extracting(TargetRequest::method).containsExactly("GET", "HEAD");
		}
	}

	@Test
	void resetForgetsRequestsAndResponses() throws IOException {
		try (RecordingTarget target = RecordingTarget.start()) {
			target.respond(TargetResponse.status(500)).respondOnce(TargetResponse.status(502));
			Http.get(target.uri("/before"));

			target.reset();

			assertThat(target.requests()).isEmpty();
			assertThat(Http.get(target.uri("/after")).statusCode()).isEqualTo(200);
			assertThat(target.requests()).extracting(TargetRequest::path).containsExactly("/after");
		}
	}

	@Test
	void baseUrlIsALoopbackUrlWithoutTrailingSlash() {
		try (RecordingTarget target = RecordingTarget.start()) {
			assertThat(target.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
			assertThat(target.uri("/stock/1?x=1")).isEqualTo(URI.create(target.baseUrl() + "/stock/1?x=1"));
			assertThat(target).hasToString("RecordingTarget " + target.baseUrl());
			assertThatIllegalArgumentException().isThrownBy(() -> target.uri("stock"));
		}
	}

	@Test
	void closeFreesThePortAndCanBeRepeated() {
		RecordingTarget target = RecordingTarget.start();
		URI uri = target.uri("/");

		target.close();
		target.close();

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> Http.get(uri));
	}

	@Test
	void responsesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> TargetResponse.status(99));
		assertThatIllegalArgumentException().isThrownBy(() -> TargetResponse.status(600));
		assertThatIllegalArgumentException().isThrownBy(() -> TargetResponse.ok().header(" ", "x"));
		assertThat(TargetResponse.status(201).header("Location", "/x")).hasToString("TargetResponse 201 {Location=/x}");
	}

}
