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
package dev.s2s.security.autoconfigure.outbound;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

import dev.s2s.security.outbound.OutboundTarget;
import dev.s2s.security.outbound.ServiceTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * The redirect rule for requests to targets. An HTTP client that follows a redirect
 * re-sends every header, the token included, to whatever host the {@code Location} names
 * (the JDK client does), and no interceptor or filter sees it happen. So requests to a
 * target go through a client that does not follow redirects, and a redirect is followed
 * here only within the same target, for {@code GET} and {@code HEAD}, when the
 * application's settings follow redirects. Any other redirect reaches the caller as the
 * {@code 3xx} response. Requests to other URLs keep the application's client unchanged.
 *
 * @author s2s-security team
 */
final class TargetRedirects {

	/** As many as the JDK client follows by default. */
	static final int MAX_REDIRECTS = 5;

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private final ServiceTokens tokens;

	TargetRedirects(ServiceTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Whether the application's clients follow redirects, so that target clients need the
	 * rule; Boot's default is to follow them.
	 */
	static boolean needed(HttpClientSettings settings) {
		return settings.redirects() != HttpRedirects.DONT_FOLLOW;
	}

	/**
	 * Fail startup when the application's builder bean is not the one Boot customizes:
	 * its clients would carry tokens along redirects to any host.
	 */
	static void requireDecorated(Object builder, Class<?> decorator, HttpClientSettings settings,
			TargetCertificates certificates, String type, String customizer) {
		if (!decorator.isInstance(builder) && !certificates.isEmpty()) {
			throw new IllegalStateException("The application defines its own " + type + " bean, which Spring Boot "
					+ "does not customize, so s2s-security cannot present the client certificates of "
					+ "'s2s.security.outbound.targets.<name>.ssl-bundle'. Customize Boot's builder with a " + customizer
					+ " bean instead.");
		}
		if (!decorator.isInstance(builder) && needed(settings)) {
			throw new IllegalStateException("The application defines its own " + type + " bean, which Spring Boot "
					+ "does not customize, so s2s-security cannot keep tokens from following redirects to other "
					+ "hosts. Customize Boot's builder with a " + customizer + " bean instead, or set "
					+ "'spring.http.clients.redirects: dont-follow'.");
		}
	}

	static HttpClientSettings dontFollow(HttpClientSettings settings) {
		return settings.withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	boolean isTarget(URI url) {
		return this.tokens.findTarget(url) != null;
	}

	/**
	 * The name of the target the URL belongs to, or {@code null}.
	 */
	@Nullable String targetOf(URI url) {
		OutboundTarget target = this.tokens.findTarget(url);
		return (target != null) ? target.name() : null;
	}

	/**
	 * The URL to follow, or {@code null} when the response reaches the caller as is.
	 */
	@Nullable URI next(URI url, HttpMethod method, HttpStatusCode status, @Nullable String location, int followed) {
		if (followed >= MAX_REDIRECTS || location == null || !REDIRECTS.contains(status.value())
				|| !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
			return null;
		}
		URI next;
		try {
			next = url.resolve(location);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		OutboundTarget from = this.tokens.findTarget(url);
		OutboundTarget to = this.tokens.findTarget(next);
		return (from != null && to != null && Objects.equals(from.name(), to.name())) ? next : null;
	}

}
