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
package dev.s2s.security.benchmarks.endtoend;

import org.springframework.boot.WebApplicationType;

/**
 * The two web stacks the end-to-end benchmark serves the endpoint on.
 *
 * @author s2s-security team
 */
enum Stack {

	/** Spring MVC on Tomcat. */
	MVC("MVC/Tomcat", WebApplicationType.SERVLET),

	/** Spring WebFlux on Reactor Netty. */
	WEBFLUX("WebFlux/Netty", WebApplicationType.REACTIVE);

	private final String label;

	private final WebApplicationType type;

	Stack(String label, WebApplicationType type) {
		this.label = label;
		this.type = type;
	}

	String label() {
		return this.label;
	}

	WebApplicationType type() {
		return this.type;
	}

}
