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
package dev.s2s.security.authorization;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CorrelationIdWebFilter}: each exchange gets one id (the caller's when
 * it can be logged as it is), as an attribute, a response header and in the Reactor
 * context of the rest of the chain.
 */
class CorrelationIdWebFilterTests {

	private final CorrelationIdWebFilter filter = new CorrelationIdWebFilter(new CorrelationIds(() -> "trace-1"));

	@Test
	void aValidIncomingIdIsKeptEverywhere() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/stock").header(CorrelationId.HEADER, "order-42"));
		List<String> inContext = new ArrayList<>();
		this.filter.filter(exchange, (ex) -> Mono.deferContextual((context) -> {
			inContext.add(context.get(CorrelationId.MDC_KEY));
			return Mono.empty();
		})).block();
		assertThat(inContext).containsExactly("order-42");
		assertThat((String) exchange.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("order-42");
		assertThat(exchange.getResponse().getHeaders().get(CorrelationId.HEADER)).containsExactly("order-42");
	}

	@Test
	void anInvalidOrMissingIdIsReplacedAndAnEarlierResponseHeaderToo() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/stock").header(CorrelationId.HEADER, "two words"));
		exchange.getResponse().getHeaders().set(CorrelationId.HEADER, "set-before");
		this.filter.filter(exchange, (ex) -> Mono.empty()).block();
		assertThat((String) exchange.getAttribute(CorrelationId.ATTRIBUTE)).isEqualTo("trace-1");
		assertThat(exchange.getResponse().getHeaders().get(CorrelationId.HEADER)).containsExactly("trace-1");
	}

	@Test
	void idsAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIdWebFilter(null))
			.withMessage("ids cannot be null");
	}

}
