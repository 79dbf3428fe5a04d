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

import java.util.List;

import dev.s2s.security.test.TestCertificate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ForwardedCertificateIntegrationTests}: Spring WebFlux on Reactor Netty, native
 * strategy (Reactor Netty's forwarded support), RFC 9440 Client-Cert.
 *
 * @author s2s-security team
 */
@SpringBootTest(classes = NettyClientCertNativeForwardedCertificateIntegrationTests.App.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class NettyClientCertNativeForwardedCertificateIntegrationTests extends ForwardedCertificateIntegrationTests {

	@DynamicPropertySource
	static void registerProperties(DynamicPropertyRegistry registry) {
		properties(registry, "native", "client-cert");
	}

	@Override
	String header() {
		return ForwardedCertificates.CLIENT_CERT;
	}

	@Override
	String forward(TestCertificate certificate) {
		return ForwardedCertificatesTests.clientCert(certificate);
	}

	@Override
	List<String> garbage() {
		return clientCertGarbage();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

		@Bean
		NettyReactiveWebServerFactory netty() {
			return new NettyReactiveWebServerFactory();
		}

	}

}
