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
package dev.s2s.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.s2s.security.authorization.DecisionReason;
import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.caller.CallerType;
import dev.s2s.security.caller.ServiceAuthentication;
import dev.s2s.security.test.FakeTokenIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end authorization, the same for the servlet and reactive stacks: a real
 * application on a loopback port, real tokens from a {@link FakeTokenIssuer}, real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AuthorizationIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private static final String METER = "s2s.security.authorization.decisions";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Recorder recorder;

	@Autowired
	MeterRegistry meters;

	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
		registry.add("s2s.security.authorization.service-paths[0].pattern", () -> "/api/internal/**");
		registry.add("s2s.security.authorization.service-paths[0].services", () -> "order-service");
		registry.add("s2s.security.authorization.public-paths", () -> "/public/**");
		registry.add("s2s.security.authorization.publish-granted-events", () -> "true");
		registry.add("management.endpoints.web.exposure.include", () -> "auditevents");
	}

	@BeforeEach
	void clearRecorder() {
		this.recorder.clear();
	}

	@Test
	void listedServiceIsAllowedAndTheDecisionIsRecorded() throws Exception {
		HttpResponse<String> response = get("/stock", service("order-service"), "X-Correlation-Id", "order-42");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("stock");
		assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("order-42");
		CallerDecision event = this.recorder.onlyDecision();
		assertThat(event.isGranted()).isTrue();
		assertThat(event.getReason()).isEqualTo(DecisionReason.ALLOWED);
		assertThat(event.getCallerType()).isEqualTo(CallerType.SERVICE);
		assertThat(event.getServiceId()).isEqualTo("order-service");
		assertThat(event.getUserId()).isNull();
		assertThat(event.getHttpMethod()).isEqualTo("GET");
		assertThat(event.getRoute()).isEqualTo("/stock");
		assertThat(event.getRule()).isEqualTo("@ServiceCaller on InventoryController.stock");
		assertThat(event.getCorrelationId()).isEqualTo("order-42");
		assertThat(event.toString()).doesNotContain("eyJ");
	}

	@Test
	void unlistedServiceIs403WithoutChallengeAndTheHandlerDoesNotRun(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/stock", service("payment-service"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(this.recorder.calls).isEmpty();
		assertThat(this.recorder.onlyDecision().getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
		assertThat(output).contains("s2s authorization denied: reason=service_not_listed caller.type=service "
				+ "service=\"payment-service\" user=- method=\"GET\" route=\"/stock\"");
	}

	@Test
	void userOnAServiceEndpointIs403() throws Exception {
		assertThat(get("/stock", user("alice")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.calls).isEmpty();
		CallerDecision event = this.recorder.onlyDecision();
		assertThat(event.getReason()).isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(event.getUserId()).isEqualTo("alice");
	}

	@Test
	void serviceOnAUserEndpointIs403BecauseTheMethodAnnotationWins() throws Exception {
		assertThat(get("/stock/mine", service("order-service")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.calls).isEmpty();
		HttpResponse<String> response = get("/stock/mine", user("alice"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.recorder.calls).containsExactly("mine");
	}

	@Test
	void missingScopeIs403InsufficientScopeNamingTheScope() throws Exception {
		HttpResponse<String> response = get("/stock/reserved", service("order-service"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\"")
				.endsWith("scope=\"inventory.read\""));
		assertThat(this.recorder.calls).isEmpty();
		assertThat(this.recorder.onlyDecision().getReason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
	}

	@Test
	void methodAnnotationListsItsOwnServicesAndReturnsAMono() throws Exception {
		HttpResponse<String> response = get("/stock/reserved", service("payment-service", "inventory.read"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("reserved");
	}

	@Test
	void delegatedCallerIsDeniedUnlessTheEndpointAcceptsIt() throws Exception {
		assertThat(get("/stock", delegated("alice", "order-service")).statusCode()).isEqualTo(403);
		assertThat(get("/stock/mine", delegated("alice", "order-service")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.decisions).extracting(CallerDecision::getReason)
			.containsOnly(DecisionReason.DELEGATION_NOT_ACCEPTED);
		assertThat(this.recorder.calls).isEmpty();
	}

	@Test
	void delegatedCallerIsAcceptedOnlyThroughTheListedService() throws Exception {
		HttpResponse<String> response = get("/stock/orders", delegated("alice", "order-service"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("order-1order-2");
		CallerDecision allowed = this.recorder.onlyDecision();
		assertThat(allowed.getCallerType()).isEqualTo(CallerType.DELEGATED);
		assertThat(allowed.getUserId()).isEqualTo("alice");
		assertThat(allowed.getServiceId()).isEqualTo("order-service");
		this.recorder.clear();
		assertThat(get("/stock/orders", delegated("alice", "payment-service")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.onlyDecision().getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
		assertThat(get("/stock/orders", user("alice")).statusCode()).isEqualTo(200);
	}

	@Test
	void noTokenIs401AndABadTokenIs401() throws Exception {
		HttpResponse<String> none = send(request("/stock").build());
		assertThat(none.statusCode()).isEqualTo(401);
		HttpResponse<String> bad = get("/stock", issuer.badTokens("inventory-service").expired());
		assertThat(bad.statusCode()).isEqualTo(401);
		assertThat(bad.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		assertThat(this.recorder.calls).isEmpty();
	}

	@Test
	void servicePathWithoutAnnotationAdmitsOnlyTheConfiguredService() throws Exception {
		assertThat(get("/api/internal/reindex", service("order-service")).statusCode()).isEqualTo(200);
		CallerDecision allowed = this.recorder.onlyDecision();
		assertThat(allowed.getRoute()).isEqualTo("/api/internal/**");
		assertThat(allowed.getRule()).isEqualTo("service path /api/internal/**");
		assertThat(this.recorder.calls).containsExactly("reindex");
		this.recorder.clear();
		assertThat(get("/api/internal/reindex", service("payment-service")).statusCode()).isEqualTo(403);
		assertThat(get("/api/internal/reindex", user("alice")).statusCode()).isEqualTo(403);
		assertThat(get("/api/internal/reindex", delegated("alice", "order-service")).statusCode()).isEqualTo(403);
		assertThat(send(request("/api/internal/reindex").build()).statusCode()).isEqualTo(401);
		assertThat(get("/api/internal/unmapped", user("alice")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.calls).isEmpty();
		assertThat(this.recorder.decisions).extracting(CallerDecision::getReason)
			.containsExactly(DecisionReason.SERVICE_NOT_LISTED, DecisionReason.CALLER_TYPE_NOT_ACCEPTED,
					DecisionReason.DELEGATION_NOT_ACCEPTED, DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
	}

	@Test
	void unannotatedHandlerIsDeniedToEveryCallerByDefault() throws Exception {
		assertThat(get("/unannotated", service("order-service")).statusCode()).isEqualTo(403);
		CallerDecision decision = this.recorder.onlyDecision();
		assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_RULE);
		assertThat(decision.getRule()).isEqualTo("no caller annotation on InternalController.unannotated");
		assertThat(decision.getRoute()).isEqualTo("/unannotated");
		assertThat(get("/unannotated", user("alice")).statusCode()).isEqualTo(403);
		assertThat(get("/unannotated", delegated("alice", "order-service")).statusCode()).isEqualTo(403);
		assertThat(send(request("/unannotated").build()).statusCode()).isEqualTo(401);
		assertThat(this.recorder.calls).isEmpty();
	}

	@Test
	void callerParameterAdmitsOnlyItsKindAndTheWrongKindIsA403NotA500() throws Exception {
		assertThat(get("/whoami", user("alice")).statusCode()).isEqualTo(403);
		CallerDecision denied = this.recorder.onlyDecision();
		assertThat(denied.getReason()).isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(denied.getRule()).isEqualTo("ServiceAuthentication parameter of InternalController.whoami");
		assertThat(get("/whoami", delegated("alice", "order-service")).statusCode()).isEqualTo(403);
		HttpResponse<String> response = get("/whoami", service("payment-service"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("payment-service");
	}

	@Test
	void errorsAreStillRenderedByTheErrorHandling() throws Exception {
		HttpResponse<String> response = get("/stock/broken", service("order-service"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(this.recorder.decisions).extracting(CallerDecision::getReason)
			.containsExactly(DecisionReason.ALLOWED);
	}

	@Test
	void implicitOptionsIsNotDeniedAsAnUnannotatedHandler() throws Exception {
		HttpResponse<String> response = send(
				request("/unannotated").header("Authorization", "Bearer " + service("order-service"))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
					.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
		assertThat(this.recorder.decisions).isEmpty();
	}

	@Test
	void actuatorEndpointsAreNotDeniedAsUnannotatedHandlers() throws Exception {
		assertThat(send(request("/actuator/auditevents").build()).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/auditevents", service("order-service")).statusCode()).isEqualTo(200);
	}

	@Test
	void badTokensLeaveNoTokenInAuditEventsLogsOrEvents(CapturedOutput output) throws Exception {
		List<String> tokens = List.of(issuer.badTokens("inventory-service").expired(),
				issuer.badTokens("inventory-service").wrongAudience(),
				issuer.badTokens("inventory-service").signedWithForeignKey(), "not-a-jwt-" + UUID.randomUUID());
		for (String token : tokens) {
			assertThat(get("/stock", token).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> audit = get("/actuator/auditevents", service("order-service"));
		assertThat(audit.statusCode()).isEqualTo(200);
		for (String token : tokens) {
			String signature = token.substring(token.lastIndexOf('.') + 1);
			assertThat(audit.body()).doesNotContain(signature);
			assertThat(output.getAll()).doesNotContain(signature);
			assertThat(this.recorder.events).allSatisfy((event) -> assertThat(event).doesNotContain(signature));
		}
	}

	@Test
	void publicPathNeedsNoToken() throws Exception {
		HttpResponse<String> response = send(request("/public/ping").build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("pong");
	}

	@Test
	void metaAnnotationIsEnforced() throws Exception {
		HttpResponse<String> response = get("/meta", service("order-service"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).endsWith("scope=\"orders.write\""));
		assertThat(get("/meta", service("order-service", "orders.write")).statusCode()).isEqualTo(200);
	}

	@Test
	void annotationOnTheInterfaceIsEnforcedAndAFluxIsReturned() throws Exception {
		assertThat(get("/prices", service("order-service")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.calls).isEmpty();
		HttpResponse<String> response = get("/prices", service("pricing-service"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("1.002.00");
	}

	@Test
	void preAuthorizeStillAppliesAlongsideTheCallerAnnotation() throws Exception {
		HttpResponse<String> withoutAdmin = get("/stock/admin", service("order-service"));
		assertThat(withoutAdmin.statusCode()).isEqualTo(403);
		// Spring Security's own answer to its own denial.
		assertThat(withoutAdmin.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("insufficient_scope"));
		assertThat(get("/stock/admin", service("order-service", "inventory.admin")).statusCode()).isEqualTo(200);
		assertThat(get("/stock/admin", service("payment-service", "inventory.admin")).statusCode()).isEqualTo(403);
		assertThat(this.recorder.calls).containsExactly("admin");
	}

	@Test
	void metricsTagOnlyKnownServiceIds() throws Exception {
		double unknownBefore = count("denied", "service_not_listed", "other");
		double orderBefore = count("allowed", "allowed", "order-service");
		get("/stock", service("made-up-" + UUID.randomUUID()));
		get("/stock", service("order-service"));
		assertThat(count("denied", "service_not_listed", "other")).isEqualTo(unknownBefore + 1);
		assertThat(count("allowed", "allowed", "order-service")).isEqualTo(orderBefore + 1);
		assertThat(this.meters.find(METER).tagKeys("caller.id").counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("caller.id")).doesNotStartWith("made-up"));
	}

	@Test
	void denialLogLineEscapesTextFromTheToken(CapturedOutput output) throws Exception {
		assertThat(get("/stock", service("evil\" reason=\"allowed")).statusCode()).isEqualTo(403);
		assertThat(output).contains("service=\"evil\\\" reason=\\\"allowed\"");
		// A line break in a caller id never gets this far: the token is invalid.
		assertThat(get("/stock", service("evil\nreason=allowed")).statusCode()).isEqualTo(401);
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("reason=allowed"));
	}

	@Test
	void theHandlerSeesTheCorrelationIdOfTheRequest() throws Exception {
		HttpResponse<String> given = get("/stock/correlation", service("order-service"), "X-Correlation-Id",
				"order-42");
		assertThat(given.statusCode()).isEqualTo(200);
		assertThat(given.body()).isEqualTo("order-42");
		HttpResponse<String> generated = get("/stock/correlation", service("order-service"));
		assertThat(generated.body()).isNotEqualTo("null")
			.isEqualTo(generated.headers().firstValue("X-Correlation-Id").orElseThrow());
	}

	@Test
	void invalidCorrelationIdIsReplacedAndTheAuditEventCarriesIt() throws Exception {
		HttpResponse<String> response = get("/stock", service("payment-service"), "X-Correlation-Id",
				"not valid\u00e9");
		String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(id).isNotEqualTo("not valid\u00e9").matches("[0-9a-f-]{36}");
		assertThat(this.recorder.onlyDecision().getCorrelationId()).isEqualTo(id);
		AuditEvent audit = this.recorder.audits.stream()
			.filter((event) -> event.getType().startsWith("S2S_"))
			.findFirst()
			.orElseThrow();
		assertThat(audit.getType()).isEqualTo("S2S_AUTHORIZATION_DENIED");
		assertThat(audit.getPrincipal()).isEqualTo("payment-service");
		assertThat(audit.getData()).containsEntry("correlationId", id)
			.containsEntry("reason", "service_not_listed")
			.containsEntry("route", "/stock")
			.doesNotContainKey("token");
	}

	private double count(String outcome, String reason, String callerId) {
		// One counter: a delegated caller of the same service id, or a caller proven by
		// another proof, is counted apart.
		Counter counter = this.meters.find(METER)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.tag("caller.type", "service")
			.tag("caller.id", callerId)
			.tag("caller.proof", "token")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	static String service(String id, String... scopes) {
		return issuer.serviceToken(id).audience("inventory-service").scopes(scopes).sign();
	}

	static String user(String name) {
		return issuer.userToken(name).audience("inventory-service").sign();
	}

	private static String delegated(String name, String actor) {
		return issuer.delegatedToken(name, actor).audience("inventory-service").sign();
	}

	HttpResponse<String> get(String path, String token, String... headers) throws Exception {
		HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + token);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		// Stateless: no answer, whatever it is, starts a session.
		assertThat(response.headers().allValues("Set-Cookie")).as("Set-Cookie of " + request.uri()).isEmpty();
		return response;
	}

	/**
	 * Records handler calls, decisions and Actuator audit events.
	 */
	static class Recorder {

		final Queue<String> calls = new ConcurrentLinkedQueue<>();

		final Queue<CallerDecision> decisions = new ConcurrentLinkedQueue<>();

		final Queue<AuditEvent> audits = new ConcurrentLinkedQueue<>();

		final Queue<String> events = new ConcurrentLinkedQueue<>();

		@EventListener
		void onDecision(AuthorizationEvent event) {
			if (event.getAuthorizationResult() instanceof CallerDecision decision) {
				this.decisions.add(decision);
			}
		}

		@EventListener
		void onEvent(ApplicationEvent event) {
			// Everything an event could leak: itself, its source and its authentication.
			String text = event + " " + event.getSource();
			if (event instanceof AbstractAuthenticationEvent authentication) {
				text += " " + authentication.getAuthentication().getName() + " "
						+ authentication.getAuthentication().getPrincipal();
			}
			this.events.add(text);
		}

		@EventListener
		void onAudit(AuditApplicationEvent event) {
			this.audits.add(event.getAuditEvent());
		}

		String call(String name) {
			this.calls.add(name);
			return name;
		}

		CallerDecision onlyDecision() {
			assertThat(this.decisions).hasSize(1);
			return this.decisions.peek();
		}

		void clear() {
			this.calls.clear();
			this.decisions.clear();
			this.audits.clear();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ InventoryController.class, PricesController.class, InternalController.class })
	static class Endpoints {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

	}

	@RestController
	@ServiceCaller("order-service")
	static class InventoryController {

		private final Recorder recorder;

		InventoryController(Recorder recorder) {
			this.recorder = recorder;
		}

		@GetMapping("/stock")
		String stock() {
			return this.recorder.call("stock");
		}

		@GetMapping("/stock/reserved")
		@ServiceCaller(value = { "order-service", "payment-service" }, scopes = "inventory.read")
		Mono<String> reserved() {
			return Mono.fromSupplier(() -> this.recorder.call("reserved"));
		}

		@GetMapping("/stock/mine")
		@UserCaller
		String mine() {
			return this.recorder.call("mine");
		}

		@GetMapping("/stock/orders")
		@UserCaller
		@DelegatedCaller("order-service")
		Flux<String> orders() {
			this.recorder.call("orders");
			return Flux.just("order-1", "order-2");
		}

		@GetMapping("/stock/admin")
		@PreAuthorize("hasAuthority('SCOPE_inventory.admin')")
		Mono<String> admin() {
			return Mono.fromSupplier(() -> this.recorder.call("admin"));
		}

		@GetMapping("/stock/broken")
		String broken() {
			throw new IllegalStateException("broken");
		}

		@GetMapping("/meta")
		@OrderWriter
		String meta() {
			return this.recorder.call("meta");
		}

		/**
		 * The correlation id as the handler's own log lines would see it: the Reactor
		 * context on WebFlux, the MDC of the request thread on MVC (which subscribes on
		 * that thread).
		 */
		@GetMapping("/stock/correlation")
		Mono<String> correlation() {
			return Mono.deferContextual((context) -> Mono
				.just(context.getOrDefault("correlationId", String.valueOf(MDC.get("correlationId")))));
		}

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ServiceCaller(value = "order-service", scopes = "orders.write")
	@interface OrderWriter {

	}

	interface PricesApi {

		@GetMapping("/prices")
		@ServiceCaller("pricing-service")
		Flux<String> prices();

	}

	@RestController
	static class PricesController implements PricesApi {

		private final Recorder recorder;

		PricesController(Recorder recorder) {
			this.recorder = recorder;
		}

		@Override
		public Flux<String> prices() {
			this.recorder.call("prices");
			return Flux.fromIterable(List.of("1.00", "2.00"));
		}

	}

	@RestController
	static class InternalController {

		private final Recorder recorder;

		InternalController(Recorder recorder) {
			this.recorder = recorder;
		}

		@GetMapping("/api/internal/reindex")
		String reindex() {
			return this.recorder.call("reindex");
		}

		@GetMapping("/public/ping")
		String ping() {
			return "pong";
		}

		@GetMapping("/unannotated")
		String unannotated() {
			return this.recorder.call("unannotated");
		}

		@GetMapping("/whoami")
		String whoami(ServiceAuthentication caller) {
			return caller.getServiceId();
		}

	}

}
