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
package dev.s2s.security.discovery;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Reads an issuer's metadata, the one way inbound (for its JWK Set) and outbound (for its
 * token endpoint) both do: OpenID Connect discovery at
 * {@code <issuer>/.well-known/openid-configuration}, then RFC 8414 at
 * {@code <origin>/.well-known/oauth-authorization-server<issuer path>} (the well-known
 * segment goes before the issuer's path, RFC 8414 section 3.1). A document is used only
 * if its {@code issuer} is exactly the issuer asked for (section 3.3): metadata for
 * another issuer, or for the same one with or without a trailing slash, is refused. The
 * retriever bounds the time and size of each fetch.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class IssuerMetadata {

	private IssuerMetadata() {
	}

	/**
	 * The addresses metadata is read from, in order.
	 * @param issuer the issuer identifier
	 * @return the OpenID Connect and RFC 8414 addresses
	 */
	public static List<URI> locations(String issuer) {
		URI base = URI.create(issuer);
		String path = (base.getRawPath() != null) ? base.getRawPath() : "";
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		URI openId = URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration");
		URI oauth = base.resolve("/.well-known/oauth-authorization-server" + trimmed);
		return List.of(openId, oauth);
	}

	/**
	 * Fetch the issuer's metadata.
	 * @param issuer the issuer identifier, exactly as its tokens carry it
	 * @param retriever the bounded retriever to fetch with
	 * @return the metadata document
	 * @throws IOException when no location answers with usable metadata for this issuer;
	 * the message names neither an address nor a body
	 */
	public static Map<String, Object> fetch(String issuer, ResourceRetriever retriever) throws IOException {
		IOException failure = null;
		for (URI location : locations(issuer)) {
			String content;
			try {
				content = retriever.retrieveResource(url(location)).getContent();
			}
			catch (IOException ex) {
				// Its message may hold the address; only its kind is kept.
				failure = new IOException(
						"The issuer's metadata could not be read (" + ex.getClass().getSimpleName() + ")");
				continue;
			}
			try {
				Map<String, Object> metadata = JSONObjectUtils.parse(content);
				if (issuer.equals(metadata.get("issuer"))) {
					return metadata;
				}
				failure = new IOException("The issuer's metadata names another issuer");
			}
			catch (ParseException | RuntimeException ex) {
				failure = new IOException("The issuer's metadata is not a JSON object");
			}
		}
		throw failure;
	}

	/**
	 * A string member of the metadata that holds an absolute URI.
	 * @param metadata the metadata
	 * @param name the member, e.g. {@code jwks_uri}
	 * @return the URI
	 * @throws IOException when the member is missing or not an absolute URI
	 */
	public static URI uri(Map<String, Object> metadata, String name) throws IOException {
		if (metadata.get(name) instanceof String value && !value.isBlank()) {
			try {
				URI uri = URI.create(value);
				if (uri.isAbsolute()) {
					return uri;
				}
			}
			catch (IllegalArgumentException ex) {
				// refused below
			}
		}
		throw new IOException("The issuer's metadata has no usable " + name);
	}

	private static URL url(URI uri) throws IOException {
		try {
			return uri.toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IOException("Not a URL", ex);
		}
	}

}
