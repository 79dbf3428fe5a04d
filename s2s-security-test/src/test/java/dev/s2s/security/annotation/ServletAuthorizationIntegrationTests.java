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

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.authorization.DecisionReason;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuthorizationIntegrationTests} on Spring MVC.
 */
@SpringBootTest(classes = ServletAuthorizationIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ServletAuthorizationIntegrationTests extends AuthorizationIntegrationTests {

	@DynamicPropertySource
	static void registerProperties(DynamicPropertyRegistry registry) {
		properties(registry);
	}

	@Autowired
	SessionCounter sessions;

	@Test
	void forwardFromAPublicHandlerIntoAServiceOnlyPathIsRefusedAndTheHandlerDoesNotRun() throws Exception {
		HttpResponse<String> asUser = get("/public/forward", user("alice"));
		assertThat(asUser.statusCode()).isEqualTo(403);
		CallerDecision denied = this.recorder.onlyDecision();
		assertThat(denied.getReason()).isEqualTo(DecisionReason.CALLER_TYPE_NOT_ACCEPTED);
		assertThat(denied.getRule()).isEqualTo("service path /api/internal/**");
		assertThat(send(request("/public/forward").build()).statusCode()).isEqualTo(401);
		assertThat(this.recorder.calls).isEmpty();
		HttpResponse<String> asService = get("/public/forward", service("order-service"));
		assertThat(asService.statusCode()).isEqualTo(200);
		assertThat(this.recorder.calls).containsExactly("reindex");
	}

	@Test
	void noRequestCreatesASession() throws Exception {
		int before = this.sessions.created.get();
		get("/stock", service("order-service"));
		get("/stock", user("alice"));
		get("/stock", issuer.badTokens("inventory-service").expired());
		send(request("/stock").build());
		get("/no-such-path", service("order-service"));
		get("/public/forward", user("alice"));
		assertThat(this.sessions.created.get()).isEqualTo(before);
	}

	@Test
	void rejectedTokenIsAuditedUnderItsFingerprint() throws Exception {
		String token = issuer.badTokens("inventory-service").expired();
		assertThat(get("/stock", token).statusCode()).isEqualTo(401);
		HttpResponse<String> audit = get("/actuator/auditevents?type=AUTHENTICATION_FAILURE", service("order-service"));
		assertThat(audit.body()).contains("\"principal\":\"token-sha256:").doesNotContain(token);
	}

	@Test
	void protectedResourceMetadataNamesTheTrustedIssuerAndNoCertificateBinding() throws Exception {
		HttpResponse<String> metadata = send(request("/.well-known/oauth-protected-resource").build());
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(metadata.body()).contains("\"authorization_servers\":[\"" + issuer.issuerUri() + "\"]")
			.contains("\"tls_client_certificate_bound_access_tokens\":false")
			.doesNotContain("dpop_");
		assertThat(send(request("/stock").build()).headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("resource_metadata="));
	}

	@Test
	void anExceptionHandlerForExceptionAnswersTheDenialItselfButTheHandlerNeverRuns() throws Exception {
		HttpResponse<String> response = get("/catch-all", service("order-service"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("handled AuthorizationDeniedException");
		assertThat(this.recorder.calls).isEmpty();
		assertThat(this.recorder.onlyDecision().getReason()).isEqualTo(DecisionReason.SERVICE_NOT_LISTED);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import({ Endpoints.class, ForwardingController.class, CatchingController.class })
	static class App {

		@Bean
		SessionCounter sessionCounter() {
			return new SessionCounter();
		}

	}

	static class SessionCounter implements HttpSessionListener {

		final AtomicInteger created = new AtomicInteger();

		@Override
		public void sessionCreated(HttpSessionEvent event) {
			this.created.incrementAndGet();
		}

	}

	@Controller
	static class ForwardingController {

		@GetMapping("/public/forward")
		String forward() {
			return "forward:/api/internal/reindex";
		}

	}

	@RestController
	static class CatchingController {

		private final Recorder recorder;

		CatchingController(Recorder recorder) {
			this.recorder = recorder;
		}

		@GetMapping("/catch-all")
		@ServiceCaller("nobody-calls-this")
		String guarded() {
			return this.recorder.call("guarded");
		}

		@ExceptionHandler(Exception.class)
		ResponseEntity<String> handle(Exception ex) {
			return ResponseEntity.internalServerError().body("handled " + ex.getClass().getSimpleName());
		}

	}

}
