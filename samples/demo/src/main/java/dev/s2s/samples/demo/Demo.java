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
package dev.s2s.samples.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import dev.s2s.samples.idp.IdentityProviderApplication;
import dev.s2s.samples.inventory.InventoryServiceApplication;
import dev.s2s.samples.order.InventoryClient;
import dev.s2s.samples.order.OrderServiceApplication;
import dev.s2s.samples.payment.OrderClient;
import dev.s2s.samples.payment.PaymentServiceApplication;
import dev.s2s.security.authorization.CallerDecision;
import dev.s2s.security.outbound.ServiceTokens;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Starts an identity provider (Spring Authorization Server) and the three sample services
 * on loopback, plays a scenario of allowed and denied calls, and prints what happened.
 * Exits non-zero when any outcome differs from the expectation.
 *
 * @author s2s-security team
 */
public final class Demo {

	private static final int CALLS = 100;

	private final List<Row> rows = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * inventory-service's latest authorization decision, to say why a call was refused.
	 */
	private final AtomicReference<CallerDecision> lastDecision = new AtomicReference<>();

	/**
	 * What the services' {@code CallerDecisionRecorder} logs while the scenario plays.
	 */
	private DecisionLog log;

	Demo() {
	}

	public static void main(String[] args) throws Exception {
		Demo demo = new Demo();
		demo.play();
		demo.print();
		System.exit(demo.rows.stream().allMatch(Row::asExpected) ? 0 : 1);
	}

	/**
	 * Play the scenario against freshly started services.
	 * @return one row per call, with what was expected and what happened
	 */
	List<Row> play() throws Exception {
		int idpPort = freePort();
		String issuer = "http://127.0.0.1:" + idpPort;
		try (ConfigurableApplicationContext idp = start(
				IdentityProviderApplication.application()
					.initializers((context) -> context.getBeanFactory()
						.registerSingleton("tokenRequests", new TokenRequestCounter())),
				"server.port=" + idpPort, "spring.security.oauth2.authorizationserver.issuer=" + issuer);
				ConfigurableApplicationContext inventory = start(
						InventoryServiceApplication.application().listeners((event) -> recordDecision(event)),
						"IDP_ISSUER_URI=" + issuer);
				ConfigurableApplicationContext order = start(OrderServiceApplication.application(),
						"IDP_ISSUER_URI=" + issuer, "INVENTORY_URL=" + url(inventory),
						"ORDER_SERVICE_SECRET=order-secret");
				ConfigurableApplicationContext payment = start(PaymentServiceApplication.application(),
						"IDP_ISSUER_URI=" + issuer, "INVENTORY_URL=" + url(inventory), "ORDER_URL=" + url(order),
						"PAYMENT_SERVICE_SECRET=payment-secret")) {
			try (DecisionLog log = DecisionLog.collect()) {
				this.log = log;
				scenario(idp, inventory, order, payment, issuer);
			}
		}
		return List.copyOf(this.rows);
	}

	private void scenario(ConfigurableApplicationContext idp, ConfigurableApplicationContext inventory,
			ConfigurableApplicationContext order, ConfigurableApplicationContext payment, String issuer)
			throws Exception {
		TokenRequestCounter tokenRequests = idp.getBean(TokenRequestCounter.class);
		InventoryClient orderToInventory = order.getBean(InventoryClient.class);
		String inventoryUrl = url(inventory) + "/api/internal/stock/widget";

		this.log.during(this.rows.size() + 1);
		for (int i = 0; i < CALLS; i++) {
			orderToInventory.stock("widget");
		}
		int requests = tokenRequests.requests("order-service");
		this.rows.add(new Row(CALLS + " calls to inventory-service", "order-service", "1 token request",
				requests + " token request" + ((requests == 1) ? "" : "s"), requests == 1,
				this.log.of(this.rows.size() + 1)));

		this.rows.add(call("GET /api/internal/stock/widget", "order-service (listed, inventory.read)", 200,
				() -> status(() -> orderToInventory.stock("widget"))));
		WebClient paymentToInventory = payment.getBean(WebClient.Builder.class)
			.baseUrl(url(inventory) + "/api/internal")
			.build();
		this.rows.add(call("GET /api/internal/stock/widget", "payment-service (not listed)", 403, () -> status(
				() -> paymentToInventory.get().uri("/stock/widget").retrieve().toBodilessEntity().block())));
		String paymentTokenForOrders = payment.getBean(ServiceTokens.class).getToken("order-service");
		this.rows.add(call("GET /api/internal/stock/widget", "payment-service, token for order-service", 401,
				() -> get(inventoryUrl, paymentTokenForOrders)));
		this.rows.add(call("GET /api/internal/stock/widget", "nobody (no token)", 401, () -> get(inventoryUrl, null)));

		String alice = new UserLogin(URI.create(issuer)).accessToken("alice", "alice",
				"openid order.read inventory.read");
		this.rows.add(call("GET /api/internal/stock/widget", "alice (a user)", 403, () -> get(inventoryUrl, alice)));
		this.rows.add(call("GET /api/internal/reorder-report (no annot.)", "alice (a user)", 403,
				() -> get(url(inventory) + "/api/internal/reorder-report", alice)));
		this.rows.add(call("GET /api/orders/stock/widget -> inventory", "alice, then order-service for alice", 200,
				() -> getWithBody(url(order) + "/api/orders/stock/widget", alice)));
		this.rows.add(call("GET /api/orders/42 (@HttpExchange)", "payment-service", 200,
				() -> status(() -> payment.getBean(OrderClient.class).order("42").block())));
	}

	private static ConfigurableApplicationContext start(SpringApplicationBuilder application, String... properties) {
		// Later properties win: a fixed port replaces the random one. The services share
		// the JVM's logging, whose application-name label would name the first of them on
		// every line: it is left out, and ServiceLogLabel tells who logged what instead.
		return application
			.properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "logging.include-application-name=false")
			.properties(properties)
			.initializers(Demo::labelRequests)
			.run();
	}

	private static void labelRequests(ConfigurableApplicationContext context) {
		String service = context.getEnvironment().getProperty("spring.application.name");
		if (context instanceof WebApplicationContext && service != null) {
			context.getBeanFactory().registerSingleton("demoServiceLogLabel", new ServiceLogLabel(service));
		}
	}

	private void recordDecision(ApplicationEvent event) {
		if (event instanceof AuthorizationEvent authorization
				&& authorization.getAuthorizationResult() instanceof CallerDecision decision) {
			this.lastDecision.set(decision);
		}
	}

	private Row call(String request, String caller, int expected, Callable<String> call) {
		int number = this.rows.size() + 1;
		this.log.during(number);
		this.lastDecision.set(null);
		String happened;
		try {
			happened = call.call();
		}
		catch (Exception ex) {
			happened = ex.getClass().getSimpleName();
		}
		CallerDecision decision = this.lastDecision.get();
		if (happened.startsWith("403") && decision != null && !decision.isGranted()) {
			happened += " " + decision.getReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}
		return new Row(request, caller, String.valueOf(expected), happened,
				happened.startsWith(String.valueOf(expected)), this.log.of(number));
	}

	private String get(String url, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = send(url, token);
		String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
		String error = challenge.replaceAll(".*error=\"([^\"]+)\".*", "$1");
		return response.statusCode() + (error.equals(challenge) ? "" : " " + error);
	}

	private String getWithBody(String url, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = send(url, token);
		return response.statusCode() + " " + response.body();
	}

	private HttpResponse<String> send(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String status(Runnable call) {
		try {
			call.run();
			return "200";
		}
		catch (RestClientResponseException ex) {
			return String.valueOf(ex.getStatusCode().value());
		}
		catch (WebClientResponseException ex) {
			return String.valueOf(ex.getStatusCode().value());
		}
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void print() {
		String format = "%-2s %-47s | %-40s | %-15s | %-45s | %s%n";
		System.out.println();
		System.out.printf(format, "#", "call", "caller", "expected", "happened", "");
		System.out.println("-".repeat(170));
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			System.out.printf(format, i + 1, row.call(), row.caller(), row.expected(), row.happened(),
					row.asExpected() ? "ok" : "UNEXPECTED");
		}
		long failed = this.rows.stream().filter((row) -> !row.asExpected()).count();
		System.out.printf("%n%d of %d outcomes as expected%n%n", this.rows.size() - failed, this.rows.size());
		if (this.rows.stream().anyMatch((row) -> !row.logged().isEmpty())) {
			System.out.println("What the services logged (CallerDecisionRecorder), by call:");
			for (int i = 0; i < this.rows.size(); i++) {
				for (DecisionLog.Logged line : this.rows.get(i).logged()) {
					System.out.printf("%-2s %-17s %-5s %s%n", i + 1, line.service(), line.level(), line.message());
				}
			}
			System.out.println();
		}
	}

	/**
	 * One call of the scenario.
	 *
	 * @param call what was called
	 * @param caller who called
	 * @param expected the outcome expected
	 * @param happened the outcome
	 * @param asExpected whether the outcome is the one expected
	 * @param logged what the services' {@code CallerDecisionRecorder} logged during the
	 * call
	 */
	record Row(String call, String caller, String expected, String happened, boolean asExpected,
			List<DecisionLog.Logged> logged) {
	}

}
