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
package dev.s2s.security.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.inbound.RejectedTokenException;
import dev.s2s.security.test.Fault;
import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal explained, over real HTTP with real tokens: each 401 (missing token,
 * invalid token, untrusted issuer, keys unavailable), 400 and 403 is counted with its
 * reason, published as Spring Security's event and logged once, never with the token.
 *
 * @author s2s-security team
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class RefusalIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	/** A trusted issuer whose discovery always fails: an identity-provider outage. */
	static final FakeTokenIssuer down = FakeTokenIssuer.start();

	private static final String METER = "s2s.security.inbound.refusals";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Events events;

	static void properties(DynamicPropertyRegistry registry) {
		down.discoveryEndpoint().fail(Fault.HTTP_500);
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.inbound.issuers[1].issuer-uri", () -> down.issuerUri().toString());
		registry.add("s2s.security.authorization.log.allowed", () -> "true");
	}

	@BeforeEach
	void clearEvents() {
		this.events.clear();
	}

	@Test
	void missingTokenIsCountedPublishedAsAnAuthorizationDenialAndLogged(CapturedOutput output) throws Exception {
		double before = count("401", "missing_token");
		HttpResponse<String> response = send(request("/stock").header("X-Correlation-Id", "corr-missing").build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(count("401", "missing_token")).isEqualTo(before + 1);
		// Spring Security's own denial of the anonymous user (servlet), or ours
		// (WebFlux).
		assertThat(this.events.denials).singleElement()
			.satisfies((event) -> assertThat(event.getAuthorizationResult()).isNotInstanceOf(CallerDecision.class)
				.satisfies((result) -> assertThat(result.isGranted()).isFalse()));
		assertThat(output).contains("s2s request refused: status=401 reason=missing_token detail=- method=GET "
				+ "path=\"/stock\" caller=- correlationId=\"corr-missing\"");
	}

	@Test
	void invalidTokenIsCountedWithItsReasonPublishedAndLoggedWithoutTheToken(CapturedOutput output) throws Exception {
		double before = count("401", "invalid_token");
		String token = issuer.badTokens("inventory-service").expired();
		HttpResponse<String> response = get("/stock", token, "corr-expired");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(count("401", "invalid_token")).isEqualTo(before + 1);
		assertThat(this.events.failures).singleElement().satisfies((event) -> {
			assertThat(rejected(event.getException()).getReason()).startsWith("Jwt expired at");
			assertThat(event.getAuthentication().getName()).startsWith("token-sha256:");
		});
		assertThat(lines(output, "corr-expired")).singleElement()
			.satisfies((line) -> assertThat(line).contains("status=401 reason=invalid_token detail=\"Jwt expired at"));
		assertThat(output.getAll()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
	}

	@Test
	void tokenOfAnUntrustedIssuerIsCountedAsSuch(CapturedOutput output) throws Exception {
		try (FakeTokenIssuer stranger = FakeTokenIssuer.start()) {
			double before = count("401", "untrusted_issuer");
			String token = stranger.serviceToken("order-service").audience("inventory-service").sign();
			assertThat(get("/stock", token, "corr-stranger").statusCode()).isEqualTo(401);
			assertThat(count("401", "untrusted_issuer")).isEqualTo(before + 1);
			assertThat(rejected(this.events.failures.peek().getException()).isUntrustedIssuer()).isTrue();
			assertThat(lines(output, "corr-stranger")).singleElement()
				.satisfies((line) -> assertThat(line).contains("reason=untrusted_issuer"));
		}
	}

	@Test
	void identityProviderOutageIsA401KeysUnavailableAndTheWarningNamesTheIssuer(CapturedOutput output)
			throws Exception {
		double before = count("401", "keys_unavailable");
		String token = down.serviceToken("order-service").audience("inventory-service").sign();
		HttpResponse<String> response = get("/stock", token, "corr-outage");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(count("401", "keys_unavailable")).isEqualTo(before + 1);
		assertThat(rejected(this.events.failures.peek().getException()).isKeysUnavailable()).isTrue();
		assertThat(output).contains("Tokens of the trusted issuer " + down.issuerUri() + " cannot be verified");
		assertThat(lines(output, "corr-outage")).singleElement()
			.satisfies((line) -> assertThat(line).contains("reason=keys_unavailable")
				.contains("for issuer " + down.issuerUri()));
	}

	@Test
	void twoAuthorizationHeadersAreA400InvalidRequest(CapturedOutput output) throws Exception {
		double before = count("400", "invalid_request");
		HttpResponse<String> response = send(request("/stock").header("Authorization", "Bearer a")
			.header("Authorization", "Bearer b")
			.header("X-Correlation-Id", "corr-two")
			.build());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(count("400", "invalid_request")).isEqualTo(before + 1);
		assertThat(lines(output, "corr-two")).singleElement()
			.satisfies((line) -> assertThat(line).contains("reason=invalid_request"));
	}

	@Test
	void callerDeniedByItsAnnotationIsCountedAndLoggedOnceWithTheRule(CapturedOutput output) throws Exception {
		double before = count("403", "service_not_listed");
		assertThat(get("/stock", service("payment-service"), "corr-unlisted").statusCode()).isEqualTo(403);
		assertThat(count("403", "service_not_listed")).isEqualTo(before + 1);
		assertThat(this.meters.find(METER).tag("reason", "service_not_listed").counter().getId().getTag("caller.type"))
			.isEqualTo("service");
		assertThat(this.events.denials).singleElement()
			.satisfies((event) -> assertThat(event.getAuthorizationResult()).isInstanceOf(CallerDecision.class));
		assertThat(lines(output, "corr-unlisted")).singleElement()
			.satisfies((line) -> assertThat(line).contains("s2s authorization denied: reason=service_not_listed")
				.contains("service=\"payment-service\"")
				.contains("rule=\"@ServiceCaller on StockController.stock\""));
	}

	@Test
	void callerDeniedByAnotherRuleIsCountedAndLoggedWithTheCaller(CapturedOutput output) throws Exception {
		double before = count("403", "access_denied");
		assertThat(get("/stock/admin", service("order-service"), "corr-admin").statusCode()).isEqualTo(403);
		assertThat(count("403", "access_denied")).isEqualTo(before + 1);
		assertThat(lines(output, "corr-admin")).filteredOn((line) -> line.contains(" WARN "))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("s2s request refused: status=403 reason=access_denied")
				.contains("caller=service:\"order-service\""));
	}

	@Test
	void allowedCallIsLoggedAtInfoWhenAsked(CapturedOutput output) throws Exception {
		assertThat(get("/stock", service("order-service"), "corr-allowed").statusCode()).isEqualTo(200);
		assertThat(this.events.successes).isNotEmpty();
		assertThat(lines(output, "corr-allowed")).singleElement()
			.satisfies((line) -> assertThat(line).contains("INFO")
				.contains("s2s authorization allowed: reason=allowed caller.type=service service=\"order-service\""));
	}

	@Test
	void noRefusalLeavesATokenInLogsOrEvents(CapturedOutput output) throws Exception {
		List<String> tokens = List.of(issuer.badTokens("inventory-service").wrongAudience(),
				issuer.badTokens("inventory-service").signedWithForeignKey(), service("payment-service"),
				"not-a-jwt-" + UUID.randomUUID());
		for (String token : tokens) {
			assertThat(get("/stock", token, "corr-leak").statusCode()).isIn(401, 403);
		}
		for (String token : tokens) {
			String signature = token.substring(token.lastIndexOf('.') + 1);
			assertThat(output.getAll()).doesNotContain(signature);
			assertThat(this.events.texts).allSatisfy((text) -> assertThat(text).doesNotContain(signature));
		}
	}

	private static List<String> lines(CapturedOutput output, String correlationId) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("correlationId=\"" + correlationId + "\""))
			.toList();
	}

	private static RejectedTokenException rejected(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedTokenException rejected) {
				return rejected;
			}
		}
		throw new AssertionError("No RejectedTokenException in " + failure);
	}

	private double count(String status, String reason) {
		Counter counter = this.meters.find(METER).tag("status", status).tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static String service(String id, String... scopes) {
		return issuer.serviceToken(id).audience("inventory-service").scopes(scopes).sign();
	}

	HttpResponse<String> get(String path, String token, String correlationId) throws Exception {
		return send(request(path).header("Authorization", "Bearer " + token)
			.header("X-Correlation-Id", correlationId)
			.build());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Records Spring Security's events.
	 */
	static class Events {

		final Queue<AuthorizationDeniedEvent<?>> denials = new ConcurrentLinkedQueue<>();

		final Queue<AbstractAuthenticationFailureEvent> failures = new ConcurrentLinkedQueue<>();

		final Queue<AuthenticationSuccessEvent> successes = new ConcurrentLinkedQueue<>();

		final Queue<String> texts = new ConcurrentLinkedQueue<>();

		@EventListener
		void onDenial(AuthorizationDeniedEvent<?> event) {
			this.denials.add(event);
			this.texts.add(event + " " + event.getSource() + " " + event.getAuthorizationResult());
		}

		@EventListener
		void onFailure(AbstractAuthenticationFailureEvent event) {
			this.failures.add(event);
			this.texts.add(event + " " + event.getAuthentication() + " " + event.getException());
		}

		@EventListener
		void onSuccess(AuthenticationSuccessEvent event) {
			this.successes.add(event);
		}

		void clear() {
			this.denials.clear();
			this.failures.clear();
			this.successes.clear();
			this.texts.clear();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(StockController.class)
	static class Endpoints {

		@Bean
		Events events() {
			return new Events();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@RestController
	@ServiceCaller("order-service")
	static class StockController {

		@GetMapping("/stock")
		String stock() {
			return "stock";
		}

		@GetMapping("/stock/admin")
		@PreAuthorize("hasAuthority('SCOPE_inventory.admin')")
		Mono<String> admin() {
			return Mono.just("admin");
		}

	}

}
