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

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.test.FakeTokenIssuer;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller and the correlation id are in the MDC of the application's own code and log
 * lines: the request thread on servlet, any thread of the request through context
 * propagation on WebFlux.
 *
 * @author s2s-security team
 */
abstract class MdcIntegrationTests {

	static final FakeTokenIssuer issuer = FakeTokenIssuer.start();

	private static final Logger logger = LoggerFactory.getLogger(MdcIntegrationTests.class);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	static void properties(DynamicPropertyRegistry registry) {
		registry.add("s2s.security.service-id", () -> "inventory-service");
		registry.add("s2s.security.inbound.issuers[0].issuer-uri", () -> issuer.issuerUri().toString());
	}

	abstract String path();

	@Test
	void handlerAndItsLogLinesSeeTheCallerAndTheCorrelationId() throws Exception {
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(MdcIntegrationTests.class);
		log.addAppender(lines);
		try {
			call();
		}
		finally {
			log.detachAppender(lines);
		}
		assertThat(lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage()).isEqualTo("the handler's own line");
			assertThat(line.getMDCPropertyMap()).containsEntry("callerType", "service")
				.containsEntry("callerId", "order-service")
				.containsEntry("correlationId", "corr-mdc");
		});
	}

	private void call() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path()))
				.header("Authorization",
						"Bearer " + issuer.serviceToken("order-service").audience("inventory-service").sign())
				.header("X-Correlation-Id", "corr-mdc")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("service order-service corr-mdc");
	}

	static String mdc() {
		logger.info("the handler's own line");
		return MDC.get("callerType") + " " + MDC.get("callerId") + " " + MDC.get("correlationId");
	}

	@Configuration(proxyBeanMethods = false)
	@Import(WhoAmIController.class)
	static class Endpoints {

	}

	@RestController
	@ServiceCaller("order-service")
	static class WhoAmIController {

		@GetMapping("/servlet/whoami")
		String servlet() {
			return mdc();
		}

		/**
		 * Hops to another thread before reading the MDC.
		 */
		@GetMapping("/reactive/whoami")
		Mono<String> reactive() {
			return Mono.just("").publishOn(Schedulers.parallel()).map((ignored) -> mdc());
		}

	}

}
