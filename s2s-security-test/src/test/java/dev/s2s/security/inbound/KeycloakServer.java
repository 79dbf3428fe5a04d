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
package dev.s2s.security.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Keycloak, unpacked by the build from Maven Central, started in dev mode on a
 * free loopback port with a realm imported from the test resources, and stopped with
 * everything it forked.
 */
final class KeycloakServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private final Process process;

	private final URI baseUri;

	private KeycloakServer(Process process, URI baseUri) {
		this.process = process;
		this.baseUri = baseUri;
	}

	static KeycloakServer start(Path home, String realmResource) throws Exception {
		Path data = home.resolve("data");
		deleteRecursively(data); // a fresh import of the realm every run
		Path imports = Files.createDirectories(data.resolve("import"));
		try (var realm = KeycloakServer.class.getResourceAsStream(realmResource)) {
			Files.copy(realm, imports.resolve("realm.json"), StandardCopyOption.REPLACE_EXISTING);
		}
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
				"--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
				"--import-realm")
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("keycloak.log").toFile());
		builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
		home.resolve("bin/kc.sh").toFile().setExecutable(true);
		KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + port));
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		server.awaitRealm(realmResource.replaceAll(".*/|-realm\\.json$", ""));
		return server;
	}

	URI issuerUri(String realm) {
		return this.baseUri.resolve("/realms/" + realm);
	}

	URI tokenUri(String realm) {
		return this.baseUri.resolve("/realms/" + realm + "/protocol/openid-connect/token");
	}

	private void awaitRealm(String realm) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest discovery = HttpRequest
			.newBuilder(this.baseUri.resolve("/realms/" + realm + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak exited with " + this.process.exitValue()
						+ "; see keycloak.log in the Keycloak directory");
			}
			try {
				if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		close();
		throw new IllegalStateException("Keycloak did not start within " + STARTUP);
	}

	@Override
	public void close() {
		// kc.sh forks the JVM: stop the children too.
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
