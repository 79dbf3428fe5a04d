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

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.s2s.security.caller.IdentityProvider;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link FakeTokenIssuer} as an identity provider for local development, until
 * Ctrl-C. From a clone of the repository:
 *
 * <pre class="code">
 * ./mvnw -q -Pfake-issuer -pl s2s-security-test -am process-classes \
 *     -Dexec.args="--port 9000 --client order-service:order-secret"
 * </pre>
 *
 * <p>
 * Arguments: {@code --port <port>} (default 9000, loopback only),
 * {@code --client <id>:<secret>} (repeatable), {@code --issuer-path <path>} (for example
 * {@code /realms/dev}), {@code --provider <provider>} (the token shape, such as
 * {@code keycloak}; default {@code generic}) and {@code --help}. It prints the issuer
 * URI, the discovery URL and a {@code curl} command that gets a token.
 *
 * <p>
 * Keys are generated at start and live in memory only: tokens do not survive a restart,
 * and services that cached the JWKS fetch it again when they meet the new key. It is
 * meant for a developer's machine, not for anything shared.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class FakeTokenIssuerMain {

	static final int DEFAULT_PORT = 9000;

	private static final String PROVIDERS = Stream.of(IdentityProvider.values())
		.map(IdentityProvider::toString)
		.collect(Collectors.joining(", "));

	static final String USAGE = """
			Usage: FakeTokenIssuerMain [--port <port>] [--client <id>:<secret>]... [--issuer-path <path>]
			                           [--provider <provider>] [--help]
			  --port         loopback port to listen on (default 9000; 0 picks a free one)
			  --client       a client that may get tokens with client_credentials; repeatable
			  --issuer-path  path of the issuer URI, such as /realms/dev (default: none)
			  --provider     the token shape, one of %s (default: generic)""".formatted(PROVIDERS);

	/**
	 * Characters {@code curl -u} sends as they are (Basic credentials are form-encoded).
	 */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]+");

	private FakeTokenIssuerMain() {
	}

	/**
	 * Starts the issuer, prints how to use it, and runs until the JVM stops (Ctrl-C) or
	 * the thread is interrupted.
	 * @param args the arguments; see the class description
	 * @throws InterruptedException never on Ctrl-C: the issuer then closes in a shutdown
	 * hook
	 */
	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(USAGE);
			return;
		}
		FakeTokenIssuer issuer = start(options, System.out);
		Thread shutdown = new Thread(issuer::close, "fake-token-issuer-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdown);
		try {
			new CountDownLatch(1).await();
		}
		finally {
			// Interrupted, not shutting down: stop now and forget the hook.
			issuer.close();
			Runtime.getRuntime().removeShutdownHook(shutdown);
		}
	}

	/**
	 * Starts the issuer the options describe and prints how to use it.
	 */
	static FakeTokenIssuer start(Options options, PrintStream out) {
		FakeTokenIssuer.Builder builder = FakeTokenIssuer.builder().port(options.port()).provider(options.provider());
		if (options.issuerPath() != null) {
			builder.issuerPath(options.issuerPath());
		}
		FakeTokenIssuer issuer = builder.start();
		options.clients().forEach(issuer::registerClient);
		out.println(instructions(issuer, options.clients()));
		out.flush();
		return issuer;
	}

	static String instructions(FakeTokenIssuer issuer, Map<String, String> clients) {
		StringBuilder text = new StringBuilder();
		text.append("Fake token issuer running; Ctrl-C stops it.\n\n");
		text.append("  Issuer URI      ").append(issuer.issuerUri()).append('\n');
		text.append("  Discovery       ").append(issuer.discoveryUri()).append('\n');
		text.append("  JWKS            ").append(issuer.jwksUri()).append('\n');
		text.append("  Token endpoint  ").append(issuer.tokenUri()).append('\n');
		text.append("  Clients         ")
			.append(clients.isEmpty() ? "none: add --client <id>:<secret>" : String.join(", ", clients.keySet()))
			.append("\n\n");
		Map.Entry<String, String> client = clients.isEmpty() ? Map.entry("<id>", "<secret>")
				: clients.entrySet().iterator().next();
		text.append("Get a token (client_credentials, audience inventory-service):\n  ")
			.append(curl(issuer, client.getKey(), client.getValue()))
			.append("\n\n");
		text.append("Point a service at it:\n");
		text.append("  s2s.security.inbound.issuers[0].issuer-uri=").append(issuer.issuerUri()).append('\n');
		text.append("  s2s.security.outbound.token-uri=").append(issuer.tokenUri());
		return text.toString();
	}

	private static String curl(FakeTokenIssuer issuer, String clientId, String secret) {
		String credentials = (PLAIN.matcher(clientId).matches() && PLAIN.matcher(secret).matches())
				? "-u " + clientId + ":" + secret
				: "-d client_id=" + quoted(clientId) + " --data-urlencode client_secret=" + quoted(secret);
		return "curl -s " + credentials + " -d grant_type=client_credentials -d audience=inventory-service "
				+ issuer.tokenUri();
	}

	private static String quoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	/**
	 * The parsed command line.
	 *
	 * @param port the port
	 * @param clients client ids and their secrets, in order
	 * @param issuerPath the issuer path, or {@code null}
	 * @param provider the token shape
	 * @param help whether only the usage is wanted
	 */
	record Options(int port, Map<String, String> clients, @Nullable String issuerPath, IdentityProvider provider,
			boolean help) {

		static Options parse(String... args) {
			int port = DEFAULT_PORT;
			Map<String, String> clients = new LinkedHashMap<>();
			String issuerPath = null;
			IdentityProvider provider = IdentityProvider.GENERIC;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--help") || arg.equals("-h")) {
					return new Options(port, clients, issuerPath, provider, true);
				}
				int equals = arg.indexOf('=');
				String name = (equals > 0) ? arg.substring(0, equals) : arg;
				if (!name.equals("--port") && !name.equals("--client") && !name.equals("--issuer-path")
						&& !name.equals("--provider")) {
					throw new IllegalArgumentException("Unknown argument '" + arg + "'");
				}
				String value;
				if (equals > 0) {
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new IllegalArgumentException(name + " needs a value");
				}
				switch (name) {
					case "--port" -> port = port(value);
					case "--client" -> {
						int colon = value.indexOf(':');
						if (colon < 1 || colon == value.length() - 1) {
							throw new IllegalArgumentException("--client needs <id>:<secret>, not '" + value + "'");
						}
						clients.put(value.substring(0, colon), value.substring(colon + 1));
					}
					case "--issuer-path" -> issuerPath = value;
					default -> provider = provider(value);
				}
			}
			return new Options(port, Collections.unmodifiableMap(clients), issuerPath, provider, false);
		}

		private static int port(String value) {
			try {
				int port = Integer.parseInt(value);
				if (port >= 0 && port <= 65535) {
					return port;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below.
			}
			throw new IllegalArgumentException("--port needs a number from 0 to 65535, not '" + value + "'");
		}

		private static IdentityProvider provider(String value) {
			try {
				return IdentityProvider.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--provider needs one of " + PROVIDERS + ", not '" + value + "'");
			}
		}

	}

}
