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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.s2s.security.annotation.ServiceCaller;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One server of the end-to-end benchmark, run as a child JVM by {@link ServerProcess}: a
 * real Spring Boot application on a random loopback port serving {@code GET /stock},
 * protected as its {@link Variant} says, on the {@link Stack} it names.
 * <p>
 * Arguments: stack, variant, issuer URI, JWKS URI. It prints
 * {@code E2E-READY <port> <web server> <GCs> Java_<version>} once it listens, then reads
 * commands on standard input: {@code heap} (a full GC, then
 * {@code E2E-HEAP <used> <committed>}), {@code jit} ({@code E2E-JIT <milliseconds>}, the
 * time the JIT compilers have spent so far) and {@code stop} (or the end of input).
 *
 * @author s2s-security team
 */
public final class EndToEndServer {

	/** The audience every valid token carries, this service's id. */
	static final String SERVICE_ID = "inventory-service";

	/** What the endpoint answers. */
	static final String BODY = "42 widgets";

	private EndToEndServer() {
	}

	/**
	 * Starts the server and serves until told to stop.
	 * @param args stack, variant, issuer URI, JWKS URI
	 * @throws IOException if standard input cannot be read
	 */
	public static void main(String[] args) throws IOException {
		Stack stack = Stack.valueOf(args[0]);
		Variant variant = Variant.valueOf(args[1]);
		SpringApplication application = new SpringApplication(sources(stack, variant).toArray(new Class<?>[0]));
		application.setWebApplicationType(stack.type());
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(properties(variant, args[2], args[3]));
		ConfigurableApplicationContext context = application.run();
		var server = ((WebServerApplicationContext) context).getWebServer();
		String collectors = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.collect(Collectors.joining(","))
			.replace(' ', '_');
		System.out.println("E2E-READY " + server.getPort() + " " + server.getClass().getSimpleName() + " " + collectors
				+ " Java_" + System.getProperty("java.version"));
		System.out.flush();
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String command = commands.readLine(); command != null
				&& !command.equals("stop"); command = commands.readLine()) {
			if (command.equals("heap")) {
				System.gc();
				System.gc();
				MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
				System.out.println("E2E-HEAP " + heap.getUsed() + " " + heap.getCommitted());
				System.out.flush();
			}
			else if (command.equals("jit")) {
				System.out.println("E2E-JIT " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
				System.out.flush();
			}
		}
		context.close();
		System.exit(0);
	}

	private static List<Class<?>> sources(Stack stack, Variant variant) {
		List<Class<?>> sources = new ArrayList<>();
		sources.add(Application.class);
		if (stack == Stack.WEBFLUX) {
			sources.add(NettyServer.class);
		}
		if (variant == Variant.TRIVIAL || variant == Variant.SPRING) {
			sources.add((stack == Stack.MVC) ? ServletResourceServer.class : ReactiveResourceServer.class);
		}
		if (variant == Variant.TRIVIAL) {
			sources.add((stack == Stack.MVC) ? TrivialDecoder.class : TrivialReactiveDecoder.class);
		}
		if (variant == Variant.SPRING) {
			sources.add((stack == Stack.MVC) ? NimbusDecoder.class : NimbusReactiveDecoder.class);
		}
		if (variant == Variant.S2S_TRIVIAL) {
			sources.add((stack == Stack.MVC) ? TrivialServiceDecoder.class : TrivialReactiveServiceDecoder.class);
		}
		return sources;
	}

	private static Map<String, Object> properties(Variant variant, String issuerUri, String jwkSetUri) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		// No application.properties of anyone else's: only what is set here.
		properties.put("spring.config.name", "s2s-endtoend-server");
		properties.put("endtoend.issuer-uri", issuerUri);
		properties.put("endtoend.jwk-set-uri", jwkSetUri);
		if (variant == Variant.S2S || variant == Variant.S2S_TRIVIAL) {
			properties.put("s2s.security.service-id", SERVICE_ID);
			properties.put("s2s.security.inbound.issuers[0].issuer-uri", issuerUri);
			properties.put("s2s.security.inbound.issuers[0].jwk-set-uri", jwkSetUri);
		}
		else {
			List<String> excluded = new ArrayList<>();
			for (String candidate : ImportCandidates.load(AutoConfiguration.class,
					EndToEndServer.class.getClassLoader())) {
				if (candidate.startsWith("dev.s2s.security.") || (variant == Variant.UNPROTECTED
						&& candidate.startsWith("org.springframework.boot.security."))) {
					excluded.add(candidate);
				}
			}
			properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
		}
		return properties;
	}

	/**
	 * The application: auto-configuration and the endpoint, nothing scanned.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StockController.class)
	static class Application {

	}

	/**
	 * The endpoint. {@code @ServiceCaller} admits any service under s2s-security (whose
	 * default denies an endpoint that names no caller); the other variants ignore it.
	 */
	@RestController
	@ServiceCaller
	static class StockController {

		@GetMapping("/stock")
		String stock() {
			return BODY;
		}

	}

	/**
	 * WebFlux on Reactor Netty (Tomcat is on the class path too, for MVC).
	 */
	@Configuration(proxyBeanMethods = false)
	static class NettyServer {

		@Bean
		NettyReactiveWebServerFactory netty() {
			return new NettyReactiveWebServerFactory();
		}

	}

	/**
	 * Spring Security's bearer-token chain on MVC, with the decoder of the variant.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ServletResourceServer {

		@Bean
		SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(decoder)))
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable);
			return http.build();
		}

	}

	/**
	 * Spring Security's bearer-token chain on WebFlux, with the decoder of the variant.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ReactiveResourceServer {

		@Bean
		SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtDecoder(decoder)))
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

	}

	/**
	 * Accepts every bearer token without reading it: what is left is the cost of the
	 * chain itself.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TrivialDecoder {

		@Bean
		JwtDecoder trivial() {
			Jwt jwt = trivialJwt();
			return (token) -> jwt;
		}

	}

	/**
	 * {@link TrivialDecoder} on WebFlux.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TrivialReactiveDecoder {

		@Bean
		ReactiveJwtDecoder trivial() {
			Mono<Jwt> jwt = Mono.just(trivialJwt());
			return (token) -> jwt;
		}

	}

	/**
	 * Replaces s2s-security's decoder (a {@code JwtDecoder} bean of the application's
	 * does) with one that accepts every token without reading it, as a service token of
	 * {@code caller-00} from the trusted issuer: the rest of s2s-security (caller
	 * classification, authorization, its chain) still runs.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TrivialServiceDecoder {

		@Bean
		JwtDecoder trivial(@Value("${endtoend.issuer-uri}") String issuerUri) {
			Jwt jwt = trivialServiceJwt(issuerUri);
			return (token) -> jwt;
		}

	}

	/**
	 * {@link TrivialServiceDecoder} on WebFlux.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TrivialReactiveServiceDecoder {

		@Bean
		ReactiveJwtDecoder trivial(@Value("${endtoend.issuer-uri}") String issuerUri) {
			Mono<Jwt> jwt = Mono.just(trivialServiceJwt(issuerUri));
			return (token) -> jwt;
		}

	}

	/**
	 * Spring's stock decoder, checked as fairly as s2s-security checks: Spring's defaults
	 * (type, timestamps) plus issuer and audience.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NimbusDecoder {

		@Bean
		JwtDecoder nimbus(@Value("${endtoend.issuer-uri}") String issuerUri,
				@Value("${endtoend.jwk-set-uri}") String jwkSetUri) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
			decoder.setJwtValidator(validator(issuerUri));
			return decoder;
		}

	}

	/**
	 * {@link NimbusDecoder} on WebFlux.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NimbusReactiveDecoder {

		@Bean
		ReactiveJwtDecoder nimbus(@Value("${endtoend.issuer-uri}") String issuerUri,
				@Value("${endtoend.jwk-set-uri}") String jwkSetUri) {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
			decoder.setJwtValidator(validator(issuerUri));
			return decoder;
		}

	}

	private static OAuth2TokenValidator<Jwt> validator(String issuerUri) {
		return JwtValidators.createDefaultWithValidators(
				List.of(new JwtIssuerValidator(issuerUri), new JwtAudienceValidator(SERVICE_ID)));
	}

	private static Jwt trivialServiceJwt(String issuerUri) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return Jwt.withTokenValue("not-read")
			.header("alg", "RS256")
			.header("typ", "JWT")
			.issuer(issuerUri)
			.subject("caller-00")
			.audience(List.of(SERVICE_ID))
			.claim("client_id", "caller-00")
			.claim("gty", "client_credentials")
			.claim("scope", "inventory.read")
			.claim("jti", "not-read")
			.issuedAt(now)
			.expiresAt(now.plus(1, ChronoUnit.HOURS))
			.build();
	}

	private static Jwt trivialJwt() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return Jwt.withTokenValue("not-read")
			.header("alg", "none")
			.subject("order-service")
			.audience(List.of(SERVICE_ID))
			.claim("scope", "inventory.read")
			.issuedAt(now)
			.expiresAt(now.plus(1, ChronoUnit.DAYS))
			.build();
	}

}
