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

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The URIs of one issuer, and which endpoint a request path is for.
 *
 * @author s2s-security team
 */
final class IssuerUris {

	private static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";

	private static final String OAUTH_METADATA = "/.well-known/oauth-authorization-server";

	private final URI issuer;

	private final String base;

	private final Set<String> discoveryPaths;

	IssuerUris(int port, String issuerPath) {
		this.issuer = URI.create("http://127.0.0.1:" + port + issuerPath);
		this.base = issuerPath.endsWith("/") ? issuerPath.substring(0, issuerPath.length() - 1) : issuerPath;
		// Appended (OpenID Connect) and inserted (RFC 8414) forms: Spring tries both.
		this.discoveryPaths = new HashSet<>(List.of(this.base + OPENID_CONFIGURATION, this.base + OAUTH_METADATA,
				OPENID_CONFIGURATION + this.base, OAUTH_METADATA + this.base));
	}

	URI issuer() {
		return this.issuer;
	}

	URI discovery() {
		return this.issuer.resolve(this.base + OPENID_CONFIGURATION);
	}

	URI jwks() {
		return this.issuer.resolve(this.base + "/oauth2/jwks");
	}

	URI token() {
		return this.issuer.resolve(this.base + "/oauth2/token");
	}

	Endpoint route(String path) {
		if (this.discoveryPaths.contains(path)) {
			return Endpoint.DISCOVERY;
		}
		if (path.equals(jwks().getPath())) {
			return Endpoint.JWKS;
		}
		return path.equals(token().getPath()) ? Endpoint.TOKEN : Endpoint.OTHER;
	}

}
