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
package dev.s2s.samples.payment;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Payment service (WebFlux): reads orders from order-service through an
 * {@code @HttpExchange} client. The group is named after the outbound target, so
 * s2s-security gives it the target's base URL and token.
 *
 * @author s2s-security team
 */
@SpringBootApplication
@ImportHttpServices(group = "order-service", types = OrderClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
public class PaymentServiceApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application, reading {@code payment-service.yml}.
	 * @return the application builder
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(PaymentServiceApplication.class).web(WebApplicationType.REACTIVE)
			.properties("spring.config.name=payment-service");
	}

}
