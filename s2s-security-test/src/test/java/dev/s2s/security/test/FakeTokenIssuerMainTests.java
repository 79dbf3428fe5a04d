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

package dev.s2s.security.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.s2s.security.caller.IdentityProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link FakeTokenIssuerMain}, the fake issuer as a local identity provider: started as a
 * program, on a fixed port, and used over HTTP.
 */
class FakeTokenIssuerMainTests {

	@Test
	void mainServesTokensOnTheGivenPortUntilInterrupted() throws Exception {
		int port = freePort();
		URI issuerUri = URI.create("http://127.0.0.1:" + port + "/realms/dev");
		AtomicReference<Throwable> ended = new AtomicReference<>();
		Thread program = new Thread(() -> {
			try {
				FakeTokenIssuerMain.main(new String[] { "--port", String.valueOf(port), "--client",
						"order-service:order-secret", "--issuer-path=/realms/dev" });
			}
			catch (Throwable ex) {
				ended.set(ex);
			}
		}, "fake-token-issuer-main");
		program.start();
		try {
			awaitDiscovery(issuerUri.resolve("/realms/dev/.well-known/openid-configuration"));

			HttpResponse<String> response = Http.postForm(URI.create(issuerUri + "/oauth2/token"),
					Http.form("grant_type", "client_credentials", "audience", "inventory-service"), "Authorization",
					Http.basic("order-service", "order-secret"));

			assertThat(response.statusCode()).isEqualTo(200);
			String token = (String) Http.json(response).get("access_token");
			// As a resource server would: discovery, JWKS, signature, RFC 9068 type and
			// claims.
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri.toString())
				.validateType(false)
				.build();
			decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
				.issuer(issuerUri.toString())
				.audience("inventory-service")
				.build());
			Jwt jwt = decoder.decode(token);
			assertThat(jwt.getSubject()).isEqualTo("order-service");
			assertThat(jwt.getAudience()).containsExactly("inventory-service");
			assertThat(jwt.getIssuer()).hasToString(issuerUri.toString());
		}
		finally {
			program.interrupt();
			program.join(10_000);
		}
		assertThat(program.isAlive()).isFalse();
		assertThat(ended.get()).isInstanceOf(InterruptedException.class);
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> Http.get(issuerUri.resolve("/realms/dev/oauth2/jwks")));
	}

	@Test
	void printsTheUrisAndACurlCommandThatGetsAToken() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (FakeTokenIssuer issuer = FakeTokenIssuerMain.start(
				FakeTokenIssuerMain.Options.parse("--port", "0", "--client", "order-service:order-secret"),
				new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
			String printed = bytes.toString(StandardCharsets.UTF_8);

			assertThat(printed).contains("Issuer URI      " + issuer.issuerUri() + "\n")
				.contains("Discovery       " + issuer.discoveryUri() + "\n")
				.contains("Token endpoint  " + issuer.tokenUri() + "\n")
				.contains("Clients         order-service\n")
				.contains("  curl -s -u order-service:order-secret -d grant_type=client_credentials "
						+ "-d audience=inventory-service " + issuer.tokenUri() + "\n")
				.contains("s2s.security.inbound.issuers[0].issuer-uri=" + issuer.issuerUri() + "\n")
				.endsWith("s2s.security.outbound.token-uri=" + issuer.tokenUri() + System.lineSeparator());
			// What that curl command sends: form fields, and the credentials as Basic.
			HttpResponse<String> response = Http.postForm(issuer.tokenUri(),
					"grant_type=client_credentials&audience=inventory-service", "Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("order-service:order-secret".getBytes(StandardCharsets.UTF_8)));
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void withProviderKeycloakSpringsDefaultDecoderAcceptsTheTokens() throws IOException {
		try (FakeTokenIssuer issuer = FakeTokenIssuerMain.start(
				FakeTokenIssuerMain.Options.parse("--port=0", "--provider", "keycloak", "--client", "a:b"),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
			HttpResponse<String> response = Http.postForm(issuer.tokenUri(),
					Http.form("grant_type", "client_credentials"), "Authorization", Http.basic("a", "b"));
			String token = (String) Http.json(response).get("access_token");

			// As docs/testing.md says: 'typ: JWT', which Spring's default validator
			// wants.
			assertThat(JwtDecoders.fromIssuerLocation(issuer.issuerUri().toString()).decode(token).getSubject())
				.isNotBlank();
		}
	}

	@Test
	void aSecretThatCurlWouldMangleIsSentUrlEncoded() throws IOException {
		try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			String printed = FakeTokenIssuerMain.instructions(issuer.registerClient("order-service", "a+b c'd"),
					Map.of("order-service", "a+b c'd"));

			assertThat(printed).contains("curl -s -d client_id='order-service' --data-urlencode "
					+ "client_secret='a+b c'\\''d' -d grant_type=client_credentials");
			// What that curl command sends.
			HttpResponse<String> response = Http.postForm(issuer.tokenUri(), Http.form("client_id", "order-service",
					"client_secret", "a+b c'd", "grant_type", "client_credentials", "audience", "inventory-service"));
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void withoutClientsItSaysHowToAddOne() {
		try (FakeTokenIssuer issuer = FakeTokenIssuer.start()) {
			assertThat(FakeTokenIssuerMain.instructions(issuer, Map.of()))
				.contains("Clients         none: add --client <id>:<secret>")
				.contains("curl -s -d client_id='<id>' --data-urlencode client_secret='<secret>'");
		}
	}

	@Test
	void argumentsHaveDefaultsAndBothForms() {
		FakeTokenIssuerMain.Options defaults = FakeTokenIssuerMain.Options.parse();
		assertThat(defaults.port()).isEqualTo(9000);
		assertThat(defaults.clients()).isEmpty();
		assertThat(defaults.issuerPath()).isNull();
		assertThat(defaults.provider()).isEqualTo(IdentityProvider.GENERIC);
		assertThat(defaults.help()).isFalse();

		FakeTokenIssuerMain.Options options = FakeTokenIssuerMain.Options.parse("--port=9100", "--client", "a:x:y",
				"--client=b:z", "--provider", "spring-authorization-server", "--issuer-path", "/oauth2/default");
		assertThat(options.port()).isEqualTo(9100);
		assertThat(options.clients()).containsExactly(Map.entry("a", "x:y"), Map.entry("b", "z"));
		assertThat(options.provider()).isEqualTo(IdentityProvider.SPRING_AUTHORIZATION_SERVER);
		assertThat(options.issuerPath()).isEqualTo("/oauth2/default");
		assertThat(FakeTokenIssuerMain.Options.parse("--port", "1", "--help").help()).isTrue();
		assertThat(FakeTokenIssuerMain.USAGE).contains("keycloak, spring-authorization-server, okta, entra-id, auth0");
	}

	@Test
	void wrongArgumentsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenIssuerMain.Options.parse("--prot", "9000"))
			.withMessage("Unknown argument '--prot'");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenIssuerMain.Options.parse("--client"))
			.withMessage("--client needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenIssuerMain.Options.parse("--client", "a"))
			.withMessage("--client needs <id>:<secret>, not 'a'");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenIssuerMain.Options.parse("--client", "a:"))
			.withMessage("--client needs <id>:<secret>, not 'a:'");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenIssuerMain.Options.parse("--port", "70000"))
			.withMessage("--port needs a number from 0 to 65535, not '70000'");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenIssuerMain.Options.parse("--provider", "x"))
			.withMessageStartingWith("--provider needs one of generic, keycloak");
	}

	@Test
	void aPortInUseIsNamed() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			FakeTokenIssuer.Builder builder = FakeTokenIssuer.builder().port(taken.getLocalPort());
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(builder::start)
				.withMessage("Cannot start the fake token issuer on 127.0.0.1:" + taken.getLocalPort()
						+ " (is the port in use?)");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void awaitDiscovery(URI discovery) {
		Awaitility.await("the issuer at " + discovery)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> Http.get(discovery).statusCode() == 200);
	}

}
