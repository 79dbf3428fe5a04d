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
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.JWSObject;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import org.jspecify.annotations.Nullable;

/**
 * A request read off the wire, with its form parameters when it has a form body.
 *
 * @author s2s-security team
 */
final class IssuerRequest {

	/** Token requests are small; anything larger is refused rather than buffered. */
	private static final int MAX_BODY = 64 * 1024;

	private final String method;

	private final String path;

	private final @Nullable String authorization;

	private final boolean form;

	private final Map<String, List<String>> params;

	private final List<String> dpop;

	private final List<X509Certificate> clientCertificates;

	private IssuerRequest(String method, String path, @Nullable String authorization, boolean form,
			Map<String, List<String>> params, List<String> dpop, List<X509Certificate> clientCertificates) {
		this.dpop = dpop;
		this.method = method;
		this.path = path;
		this.authorization = authorization;
		this.form = form;
		this.params = params;
		this.clientCertificates = clientCertificates;
	}

	static IssuerRequest read(HttpExchange exchange) throws IOException {
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		boolean form = contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
		Map<String, List<String>> params = null;
		try (InputStream body = exchange.getRequestBody()) {
			byte[] bytes = body.readNBytes(MAX_BODY + 1);
			if (form && bytes.length <= MAX_BODY) {
				params = parseForm(new String(bytes, StandardCharsets.UTF_8));
			}
		}
		return new IssuerRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), params != null,
				(params != null) ? params : Map.of(),
				List.copyOf(exchange.getRequestHeaders().getOrDefault("DPoP", List.of())),
				clientCertificates(exchange));
	}

	/**
	 * The certificate chain the client presented on the mutual-TLS listener, leaf first;
	 * empty on plain HTTP or without one.
	 */
	private static List<X509Certificate> clientCertificates(HttpExchange exchange) {
		if (!(exchange instanceof HttpsExchange https)) {
			return List.of();
		}
		try {
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate certificate : https.getSSLSession().getPeerCertificates()) {
				if (certificate instanceof X509Certificate x509) {
					chain.add(x509);
				}
			}
			return List.copyOf(chain);
		}
		catch (SSLPeerUnverifiedException ex) {
			return List.of();
		}
	}

	/**
	 * The client certificate chain of the connection, leaf first, or empty.
	 */
	List<X509Certificate> clientCertificates() {
		return this.clientCertificates;
	}

	/**
	 * The parameters of a form body, or {@code null} when it is malformed.
	 */
	private static @Nullable Map<String, List<String>> parseForm(String body) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = decode((equals < 0) ? "" : pair.substring(equals + 1));
			if (name == null || value == null) {
				return null;
			}
			params.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return params;
	}

	private static @Nullable String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	String method() {
		return this.method;
	}

	String path() {
		return this.path;
	}

	@Nullable String authorization() {
		return this.authorization;
	}

	/**
	 * The values of the {@code DPoP} header (RFC 9449): empty for a bearer token request.
	 */
	List<String> dpop() {
		return this.dpop;
	}

	/**
	 * Whether the body is a well-formed {@code application/x-www-form-urlencoded} form.
	 */
	boolean isForm() {
		return this.form;
	}

	/**
	 * A single-valued parameter; RFC 6749 section 3.2 forbids repeating one.
	 */
	@Nullable String param(String name) throws OAuthError {
		List<String> values = params(name);
		if (values.size() > 1) {
			throw OAuthError.invalidRequest("Parameter '" + name + "' is repeated");
		}
		return values.isEmpty() ? null : values.get(0);
	}

	List<String> params(String name) {
		return this.params.getOrDefault(name, List.of());
	}

	/**
	 * The first value of a parameter, leniently, for the request log.
	 */
	@Nullable String first(String name) {
		List<String> values = params(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * How the client tried to authenticate, for the request log.
	 */
	String clientAuthentication() {
		if (this.authorization != null) {
			return "client_secret_basic";
		}
		if (first("client_assertion") != null) {
			return "private_key_jwt";
		}
		if (first("client_secret") != null) {
			return "client_secret_post";
		}
		if (this.clientCertificates.size() == 1 && this.clientCertificates.get(0)
			.getSubjectX500Principal()
			.equals(this.clientCertificates.get(0).getIssuerX500Principal())) {
			return "self_signed_tls_client_auth";
		}
		return this.clientCertificates.isEmpty() ? "none" : "tls_client_auth";
	}

	/**
	 * The client id the request claims, unverified, for the request log.
	 */
	@Nullable String claimedClientId() {
		String[] basic = basicCredentials(this.authorization);
		if (basic != null) {
			return basic[0];
		}
		String clientId = first("client_id");
		String assertion = first("client_assertion");
		if (clientId != null || assertion == null) {
			return clientId;
		}
		try {
			Object issuer = JWSObject.parse(assertion).getPayload().toJSONObject().get("iss");
			return (issuer instanceof String string) ? string : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	/**
	 * Client id and secret of an {@code Authorization: Basic} header, each
	 * form-urlencoded as RFC 6749 section 2.3.1 requires, or {@code null} when malformed.
	 */
	static String @Nullable [] basicCredentials(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon < 1) {
			return null;
		}
		String id = decode(decoded.substring(0, colon));
		String secret = decode(decoded.substring(colon + 1));
		return (id == null || secret == null) ? null : new String[] { id, secret };
	}

}
