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

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which target a URL belongs to: same scheme, host and port as one of its base URLs, and
 * a path under the base URL's path, after normalization. The longest base path wins, so
 * {@code http://gw/inventory} beats {@code http://gw}.
 *
 * @author s2s-security team
 */
final class TargetUrls {

	private static final Pattern SUSPICIOUS = Pattern.compile("%2e|%2f|%5c|\\\\", Pattern.CASE_INSENSITIVE);

	private final List<BaseUrl> baseUrls = new ArrayList<>();

	void add(URI url, String target) {
		this.baseUrls.add(BaseUrl.of(url, target));
		this.baseUrls.sort(Comparator.comparingInt((BaseUrl baseUrl) -> baseUrl.path().length()).reversed());
	}

	/**
	 * The target of a request URL, matched on the normalized URL: a path that climbs out
	 * of a target with {@code ..} is not the target's. A URL with user info, or with an
	 * encoded dot, slash or backslash in its path (which a server may decode into one),
	 * belongs to no target, so it gets no token.
	 */
	@Nullable String find(URI url) {
		String rawPath = url.getRawPath();
		if (url.getRawUserInfo() != null || (rawPath != null && isSuspicious(rawPath))) {
			return null;
		}
		URI normalized = url.normalize();
		if (normalized.getRawPath() != null && normalized.getRawPath().startsWith("/..")) {
			return null;
		}
		for (BaseUrl baseUrl : this.baseUrls) {
			if (baseUrl.matches(normalized)) {
				return baseUrl.target();
			}
		}
		return null;
	}

	private static boolean isSuspicious(String rawPath) {
		// The pattern only where it can match: most paths have neither '%' nor '\\'.
		return (rawPath.indexOf('%') >= 0 || rawPath.indexOf('\\') >= 0) && SUSPICIOUS.matcher(rawPath).find();
	}

	private record BaseUrl(String scheme, String host, int port, String path, String target) {

		static BaseUrl of(URI url, String target) {
			String path = (url.getRawPath() != null) ? url.getRawPath() : "";
			if (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			return new BaseUrl(url.getScheme().toLowerCase(Locale.ROOT), url.getHost().toLowerCase(Locale.ROOT),
					port(url), path, target);
		}

		boolean matches(URI url) {
			String host = url.getHost();
			String scheme = url.getScheme();
			if (host == null || scheme == null || !sameIgnoringCase(this.scheme, scheme)
					|| !sameIgnoringCase(this.host, host) || this.port != port(url)) {
				return false;
			}
			String path = (url.getRawPath() != null) ? url.getRawPath() : "";
			// The base path, whole, or followed by a segment of its own.
			return path.startsWith(this.path)
					&& (path.length() == this.path.length() || path.charAt(this.path.length()) == '/');
		}

		/** Ours are lower case; most URLs' are too, and an exact match is cheaper. */
		private static boolean sameIgnoringCase(String ours, String theirs) {
			return ours.equals(theirs) || ours.equalsIgnoreCase(theirs);
		}

		private static int port(URI url) {
			if (url.getPort() != -1) {
				return url.getPort();
			}
			return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
		}

	}

}
