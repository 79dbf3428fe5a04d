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

package dev.s2s.security.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.s2s.security.test.TestCertificateAuthority;
import org.jspecify.annotations.Nullable;

/**
 * An HTTPS server on loopback with the authority's server certificate that records the
 * client certificate (if any) and the {@code Authorization} header of every request. With
 * {@code requireClientCertificate} the handshake fails without a certificate the
 * authority issued, as a target on an mTLS platform does.
 */
final class TlsServer implements AutoCloseable {

	private final HttpsServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

	private final String host;

	private TlsServer(TestCertificateAuthority ca, String host, boolean requireClientCertificate) {
		this.host = host;
		try {
			this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SSLContext context = ca.serverCertificate().sslContext(ca);
		this.server.setHttpsConfigurator(new HttpsConfigurator(context) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = context.getDefaultSSLParameters();
				if (requireClientCertificate) {
					parameters.setNeedClientAuth(true);
				}
				else {
					parameters.setWantClientAuth(true);
				}
				params.setSSLParameters(parameters);
			}
		});
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** A target that requires a client certificate from the authority. */
	static TlsServer requiringClientCertificate(TestCertificateAuthority ca) {
		return new TlsServer(ca, "127.0.0.1", true);
	}

	/** Any other HTTPS server: asks for a certificate, does not need one. */
	static TlsServer askingForClientCertificate(TestCertificateAuthority ca) {
		return new TlsServer(ca, "localhost", false);
	}

	String url() {
		return "https://" + this.host + ":" + this.server.getAddress().getPort();
	}

	List<Seen> seen() {
		return List.copyOf(this.seen);
	}

	private void handle(HttpExchange exchange) throws IOException {
		X509Certificate certificate = null;
		try {
			certificate = (X509Certificate) ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession()
				.getPeerCertificates()[0];
		}
		catch (SSLPeerUnverifiedException ex) {
			// No client certificate.
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.seen.add(new Seen((certificate != null) ? certificate.getSubjectX500Principal().getName() : null,
				certificate, (authorization != null) ? authorization : ""));
		byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * What one request presented.
	 *
	 * @param subject the client certificate's subject, or {@code null} without one
	 * @param certificate the client certificate, or {@code null}
	 * @param authorization the {@code Authorization} header, or empty
	 */
	record Seen(@Nullable String subject, @Nullable X509Certificate certificate, String authorization) {

	}

}
