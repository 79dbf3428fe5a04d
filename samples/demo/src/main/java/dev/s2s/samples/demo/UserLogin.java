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
package dev.s2s.samples.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a user in the way a browser would (authorization code with PKCE, form login),
 * headless, to get the user's access token from the identity provider.
 *
 * @author s2s-security team
 */
final class UserLogin {

	private static final String REDIRECT_URI = "http://127.0.0.1/login/oauth2/code/web-app";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final URI issuer;

	UserLogin(URI issuer) {
		this.issuer = issuer;
	}

	String accessToken(String username, String password, String scope) throws IOException, InterruptedException {
		String verifier = randomString();
		String authorize = "/oauth2/authorize?response_type=code&client_id=web-app&redirect_uri=" + encode(REDIRECT_URI)
				+ "&scope=" + encode(scope) + "&state=" + randomString() + "&code_challenge=" + challenge(verifier)
				+ "&code_challenge_method=S256";
		String refused = get(authorize).headers().firstValue("Location").orElse("");
		if (refused.contains("error=")) { // e.g. a scope the client may not ask for
			throw new IllegalStateException(
					"Authorization refused: " + refused.replaceAll(".*[?&]error=([^&]+).*", "$1"));
		}
		String csrf = find(CSRF, get("/login").body(), "login form");
		HttpResponse<String> login = post("/login",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf));
		String saved = location(login);
		String code = find(CODE, location(send(HttpRequest.newBuilder(this.issuer.resolve(saved)).GET())),
				"authorization code");
		HttpResponse<String> token = post("/oauth2/token", "grant_type=authorization_code&client_id=web-app&code="
				+ code + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_verifier=" + verifier);
		return find(ACCESS_TOKEN, token.body(), "token response");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.issuer.resolve(path)).GET());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.issuer.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		// As a browser: the authorization server sends only HTML clients to its login
		// page.
		return this.http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("Login failed: HTTP " + response.statusCode()));
	}

	private static String find(Pattern pattern, String text, String what) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("Login failed: no " + what);
		}
		return matcher.group(1);
	}

	private static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomString() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
