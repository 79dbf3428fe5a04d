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
package dev.s2s.security.workload;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WorkloadIdentityIntegrationTests} on Spring MVC, served by Tomcat.
 *
 * @author s2s-security team
 */
@SpringBootTest(classes = ServletWorkloadIdentityIntegrationTests.App.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class ServletWorkloadIdentityIntegrationTests extends WorkloadIdentityIntegrationTests {

	@DynamicPropertySource
	static void registerProperties(DynamicPropertyRegistry registry) {
		properties(registry);
	}

	@Test
	void protectedResourceMetadataSaysTokensMayBeBoundToCertificates() throws Exception {
		HttpResponse<String> response = send(null, null, "/.well-known/oauth-protected-resource");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"tls_client_certificate_bound_access_tokens\":true");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

	}

}
