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

package dev.s2s.samples.inventory;

import dev.s2s.security.ServiceIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "spring.config.name=inventory-service")
@AutoConfigureMockMvc
class InventoryServiceApplicationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void s2sSecurityIsAutoConfiguredFromApplicationYml() {
		ConditionEvaluationReport report = ConditionEvaluationReport.get(this.context.getBeanFactory());
		assertThat(report.getUnconditionalClasses())
			.contains("dev.s2s.security.autoconfigure.S2sSecurityAutoConfiguration");
		assertThat(report.getConditionAndOutcomesBySource())
			.containsKey("dev.s2s.security.autoconfigure.inbound.S2sInboundAutoConfiguration");
		assertThat(this.context.getBean(ServiceIdentity.class).serviceId()).isEqualTo("inventory-service");
	}

	@Test
	void internalEndpointRejectsCallWithoutToken() throws Exception {
		this.mvc.perform(get("/api/internal/stock/widget")).andExpect(status().isUnauthorized());
	}

}
