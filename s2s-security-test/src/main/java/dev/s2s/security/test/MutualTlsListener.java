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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The issuer's mutual-TLS listener (RFC 8705 section 5, {@code mtls_endpoint_aliases}):
 * HTTPS on its own loopback port with the authority's server certificate, asking every
 * client for a certificate. The handshake takes any certificate the client proves it
 * holds the key of, self-signed ones included, and advertises no authorities, so that a
 * client presents whatever it has; whether the certificate authenticates a client is
 * decided per request by {@link ClientRegistry}, against {@link #trust()} for
 * {@code tls_client_auth}.
 *
 * @author s2s-security team
 */
final class MutualTlsListener {

	private final HttpsServer server;

	private final X509TrustManager trust;

	MutualTlsListener(TestCertificateAuthority authority, HttpHandler handler, Executor executor) throws IOException {
		this.trust = trustManager(authority);
		this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		SSLContext context = serverContext(authority);
		this.server.setHttpsConfigurator(new HttpsConfigurator(context) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = context.getDefaultSSLParameters();
				// Asked, not required: a request without one gets invalid_client with its
				// reason instead of a handshake failure.
				parameters.setWantClientAuth(true);
				params.setSSLParameters(parameters);
			}
		});
		this.server.createContext("/", handler);
		this.server.setExecutor(executor);
	}

	void start() {
		this.server.start();
	}

	void stop() {
		this.server.stop(0);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * PKIX validation against the authority, for {@code tls_client_auth}.
	 */
	X509TrustManager trust() {
		return this.trust;
	}

	private static SSLContext serverContext(TestCertificateAuthority authority) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(authority.serverCertificate()
				.sslBundle(authority)
				.getManagers()
				.getKeyManagerFactory()
				.getKeyManagers(), new TrustManager[] { new AnyClientCertificate() }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create the mutual-TLS listener's TLS context", ex);
		}
	}

	private static X509TrustManager trustManager(TestCertificateAuthority authority) {
		try {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			store.setCertificateEntry("ca", authority.caCertificate());
			TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
			factory.init(store);
			return (X509TrustManager) List.of(factory.getTrustManagers())
				.stream()
				.filter(X509TrustManager.class::isInstance)
				.findFirst()
				.orElseThrow();
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot create a trust manager for the test authority", ex);
		}
	}

	/**
	 * Takes every client certificate at the handshake; the token endpoint decides.
	 */
	private static final class AnyClientCertificate implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			throw new CertificateException("A server certificate is never checked here");
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
