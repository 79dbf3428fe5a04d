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
package dev.s2s.samples.shipping;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Shipping service: terminates mTLS itself and accepts workloads of its trust domain by
 * their SPIFFE X.509 SVID, with or without a token.
 *
 * @author s2s-security team
 */
@SpringBootApplication
public class ShippingServiceApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application, reading {@code shipping-service.yml}.
	 * @return the application builder
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ShippingServiceApplication.class)
			.properties("spring.config.name=shipping-service");
	}

}
