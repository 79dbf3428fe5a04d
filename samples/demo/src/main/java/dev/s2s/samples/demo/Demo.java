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

import java.util.ArrayList;
import java.util.List;

import dev.s2s.samples.inventory.InventoryServiceApplication;
import dev.s2s.security.ServiceIdentity;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Starts the sample services on loopback, plays a scenario against them and prints a
 * table of what happened. Exits non-zero when any outcome differs from the expectation.
 *
 * @author s2s-security team
 */
public final class Demo {

	private static final String AUTO_CONFIGURATION = "dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration";

	private Demo() {
	}

	public static void main(String[] args) {
		List<Row> rows = new ArrayList<>();
		try (ConfigurableApplicationContext inventory = new SpringApplicationBuilder(InventoryServiceApplication.class)
			.properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off",
					"logging.level.root=WARN")
			.run()) {
			int port = ((WebServerApplicationContext) inventory).getWebServer().getPort();
			String serviceId = inventory.getBean(ServiceIdentity.class).serviceId();
			boolean autoConfigured = ConditionEvaluationReport.get(inventory.getBeanFactory())
				.getUnconditionalClasses()
				.contains(AUTO_CONFIGURATION);
			rows.add(new Row("inventory-service starts with s2s-security", "auto-configured",
					autoConfigured ? "auto-configured (service id '" + serviceId + "')" : "not auto-configured",
					autoConfigured));
			int status = RestClient.create("http://127.0.0.1:" + port)
				.get()
				.uri("/api/internal/stock/widget")
				.exchange((request, response) -> response.getStatusCode().value());
			rows.add(new Row("anonymous GET /api/internal/stock/widget", "401", String.valueOf(status), status == 401));
		}
		print(rows);
		if (rows.stream().anyMatch((row) -> !row.asExpected())) {
			System.exit(1);
		}
	}

	private static void print(List<Row> rows) {
		String format = "%-45s | %-16s | %-45s | %s%n";
		System.out.println();
		System.out.printf(format, "call", "expected", "happened", "");
		System.out.println("-".repeat(118));
		rows.forEach((row) -> System.out.printf(format, row.call(), row.expected(), row.happened(),
				row.asExpected() ? "ok" : "UNEXPECTED"));
		long failed = rows.stream().filter((row) -> !row.asExpected()).count();
		System.out.printf("%n%d of %d outcomes as expected%n%n", rows.size() - failed, rows.size());
	}

	private record Row(String call, String expected, String happened, boolean asExpected) {
	}

}
