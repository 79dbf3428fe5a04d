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

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A SPIFFE ID as the SPIFFE ID specification (section 2) writes it:
 * {@code spiffe://<trust-domain>/<path>}, parsed strictly by hand rather than by
 * {@link java.net.URI}, which accepts (and normalises) far more: upper case, ports, user
 * info, percent-encoding, dot segments, queries and fragments are all refused here.
 *
 * @param trustDomain the trust domain
 * @param segments the path segments, at least one
 * @author s2s-security team
 */
record SpiffeId(String trustDomain, List<String> segments) {

	private static final String SCHEME = "spiffe://";

	/** The specification's limit on a SPIFFE ID, in bytes; all characters are ASCII. */
	private static final int MAX_LENGTH = 2048;

	private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]+");

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

	/**
	 * Parse a workload's SPIFFE ID.
	 * @param value the URI SAN
	 * @return the id, or {@code null} when the value is not a workload's SPIFFE ID
	 */
	static @Nullable SpiffeId parse(String value) {
		if (value.length() > MAX_LENGTH || !value.startsWith(SCHEME)) {
			return null;
		}
		String rest = value.substring(SCHEME.length());
		int slash = rest.indexOf('/');
		if (slash <= 0) {
			// No path: the id of a trust domain, not of a workload.
			return null;
		}
		String trustDomain = rest.substring(0, slash);
		if (!TRUST_DOMAIN.matcher(trustDomain).matches()) {
			return null;
		}
		List<String> segments = List.of(rest.substring(slash + 1).split("/", -1));
		for (String segment : segments) {
			if (!isSegment(segment)) {
				return null;
			}
		}
		return new SpiffeId(trustDomain, segments);
	}

	static boolean isTrustDomain(String value) {
		return TRUST_DOMAIN.matcher(value).matches();
	}

	static boolean isSegment(String value) {
		return SEGMENT.matcher(value).matches() && !value.equals(".") && !value.equals("..");
	}

	@Override
	public String toString() {
		return SCHEME + this.trustDomain + "/" + String.join("/", this.segments);
	}

}
