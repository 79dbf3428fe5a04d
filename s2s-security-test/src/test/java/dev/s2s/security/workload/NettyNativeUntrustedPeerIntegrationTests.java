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

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UntrustedPeerIntegrationTests}: Spring WebFlux on Reactor Netty with its
 * forwarded support.
 *
 * @author s2s-security team
 */
@SpringBootTest(classes = NettyNativeUntrustedPeerIntegrationTests.App.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class NettyNativeUntrustedPeerIntegrationTests extends UntrustedPeerIntegrationTests {

	@DynamicPropertySource
	static void registerProperties(DynamicPropertyRegistry registry) {
		properties(registry, "native");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ ForwardedCertificateIntegrationTests.Endpoints.class, PeerController.class })
	static class App {

		@Bean
		NettyReactiveWebServerFactory netty() {
			return new NettyReactiveWebServerFactory();
		}

	}

	@RestController
	static class PeerController {

		@GetMapping("/peer")
		Mono<String> peer(ServerHttpRequest request) {
			return Mono.just(request.getRemoteAddress().getHostString());
		}

	}

}
