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

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Client certificates a trusted proxy forwards in a header: Envoy's
 * {@code X-Forwarded-Client-Cert} (its {@code Cert}, URL-encoded PEM, checked against its
 * {@code Hash} when present) or RFC 9440's {@code Client-Cert} (a structured-field byte
 * sequence of the DER). Read only for requests whose TCP peer is a {@link TrustedProxies
 * trusted proxy}; which peer that is, is the caller's business.
 * <p>
 * Only the element the trusted hop added counts: the last of an
 * {@code X-Forwarded-Client-Cert} list. Several header lines are a {@code 400}
 * ({@value RejectedCertificateException#INVALID_REQUEST}), as is broken quoting or
 * encoding; a value that is no certificate, or a {@code Hash} that does not match, is a
 * {@code 401} ({@value RejectedCertificateException#INVALID_CERTIFICATE}).
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class ForwardedCertificates {

	/** Envoy's header. */
	public static final String X_FORWARDED_CLIENT_CERT = "X-Forwarded-Client-Cert";

	/** RFC 9440's header. */
	public static final String CLIENT_CERT = "Client-Cert";

	private final TrustedProxies proxies;

	private final String header;

	private ForwardedCertificates(TrustedProxies proxies, String header) {
		this.proxies = proxies;
		this.header = header;
	}

	/**
	 * Read Envoy's {@code X-Forwarded-Client-Cert} from trusted proxies.
	 * @param proxies the trusted proxies
	 * @return the forwarded certificates
	 */
	public static ForwardedCertificates xForwardedClientCert(TrustedProxies proxies) {
		Assert.notNull(proxies, "proxies cannot be null");
		return new ForwardedCertificates(proxies, X_FORWARDED_CLIENT_CERT);
	}

	/**
	 * Read RFC 9440's {@code Client-Cert} from trusted proxies.
	 * @param proxies the trusted proxies
	 * @return the forwarded certificates
	 */
	public static ForwardedCertificates clientCert(TrustedProxies proxies) {
		Assert.notNull(proxies, "proxies cannot be null");
		return new ForwardedCertificates(proxies, CLIENT_CERT);
	}

	/**
	 * The header this reads.
	 * @return the header name
	 */
	public String header() {
		return this.header;
	}

	/**
	 * Whether a request's forwarded certificate counts.
	 * @param peerAddress the TCP peer's address, never one a header named
	 * @return whether the peer is a trusted proxy
	 */
	public boolean trusts(@Nullable String peerAddress) {
		return this.proxies.trusts(peerAddress);
	}

	/**
	 * The certificate a trusted proxy forwarded.
	 * @param values the lines of {@link #header()} the request has
	 * @return the certificate, or {@code null} when the header is absent
	 * @throws RejectedCertificateException when it cannot be read or is no certificate
	 */
	public @Nullable X509Certificate read(List<String> values) {
		if (values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw RejectedCertificateException.malformed("Several " + this.header + " header lines");
		}
		String value = values.get(0).trim();
		return this.header.equals(CLIENT_CERT) ? clientCert(value) : xfcc(value);
	}

	private static X509Certificate clientCert(String value) {
		if (value.length() < 2 || value.charAt(0) != ':' || value.charAt(value.length() - 1) != ':') {
			throw RejectedCertificateException.malformed("Client-Cert is not a byte sequence");
		}
		byte[] der;
		try {
			der = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
		}
		catch (IllegalArgumentException ex) {
			throw RejectedCertificateException.malformed("Client-Cert is not base64");
		}
		return certificate(der);
	}

	private static X509Certificate xfcc(String value) {
		List<Map<String, String>> elements = XfccParser.parse(value);
		Map<String, String> current = elements.get(elements.size() - 1);
		String cert = current.get("cert");
		if (cert == null) {
			throw RejectedCertificateException.invalid("The forwarded client certificate has no Cert");
		}
		String pem;
		try {
			pem = URLDecoder.decode(cert, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw RejectedCertificateException.malformed("X-Forwarded-Client-Cert has a broken Cert encoding");
		}
		X509Certificate certificate = certificate(pem.getBytes(StandardCharsets.US_ASCII));
		String hash = current.get("hash");
		if (hash != null && !MessageDigest.isEqual(hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
				sha256Hex(certificate).getBytes(StandardCharsets.US_ASCII))) {
			throw RejectedCertificateException.invalid("The forwarded client certificate does not match its Hash");
		}
		return certificate;
	}

	private static X509Certificate certificate(byte[] encoded) {
		try {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(encoded));
			if (certificates.size() != 1 || !(certificates.iterator().next() instanceof X509Certificate certificate)) {
				throw RejectedCertificateException.invalid("The forwarded value is not one X.509 certificate");
			}
			return certificate;
		}
		catch (CertificateException | RuntimeException ex) {
			if (ex instanceof RejectedCertificateException rejected) {
				throw rejected;
			}
			throw RejectedCertificateException.invalid("The forwarded value is not one X.509 certificate");
		}
	}

	private static String sha256Hex(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw RejectedCertificateException.invalid("The forwarded client certificate cannot be encoded");
		}
	}

	/**
	 * Envoy's format: elements separated by {@code ,}, key-value pairs by {@code ;},
	 * values optionally in double quotes with {@code \} escapes.
	 */
	static final class XfccParser {

		private XfccParser() {
		}

		static List<Map<String, String>> parse(String value) {
			List<Map<String, String>> elements = new ArrayList<>();
			Map<String, String> element = new LinkedHashMap<>();
			StringBuilder token = new StringBuilder();
			@Nullable String key = null;
			boolean quoted = false;
			boolean wasQuoted = false;
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (quoted) {
					if (c == '\\') {
						if (++i == value.length()) {
							throw broken();
						}
						token.append(value.charAt(i));
					}
					else if (c == '"') {
						quoted = false;
						wasQuoted = true;
					}
					else {
						token.append(c);
					}
				}
				else if (c == '"') {
					if (key == null || token.length() > 0 || wasQuoted) {
						throw broken();
					}
					quoted = true;
				}
				else if (c == '=' && key == null) {
					key = token.toString().trim().toLowerCase(Locale.ROOT);
					token.setLength(0);
				}
				else if (c == ';' || c == ',') {
					put(element, key, token, wasQuoted);
					key = null;
					wasQuoted = false;
					if (c == ',') {
						elements.add(element);
						element = new LinkedHashMap<>();
					}
				}
				else if (wasQuoted) {
					if (!Character.isWhitespace(c)) {
						throw broken();
					}
				}
				else {
					token.append(c);
				}
			}
			if (quoted) {
				throw broken();
			}
			put(element, key, token, wasQuoted);
			elements.add(element);
			return elements;
		}

		private static void put(Map<String, String> element, @Nullable String key, StringBuilder token,
				boolean wasQuoted) {
			String value = wasQuoted ? token.toString() : token.toString().trim();
			token.setLength(0);
			if (key == null || key.isEmpty() || (!wasQuoted && value.isEmpty())) {
				throw broken();
			}
			// URI and DNS may repeat; what identifies the certificate may not.
			if ((key.equals("cert") || key.equals("hash") || key.equals("by")) && element.containsKey(key)) {
				throw broken();
			}
			element.putIfAbsent(key, value);
		}

		private static RejectedCertificateException broken() {
			return RejectedCertificateException.malformed("X-Forwarded-Client-Cert cannot be parsed");
		}

	}

}
