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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.Assert;

/**
 * The proxies (sidecars, ingress) whose forwarded client certificates count, as CIDR
 * ranges of their TCP peer address. Matched by Spring Security's
 * {@link IpAddressMatcher}; only IP literals are accepted, so that a host name is never
 * resolved.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class TrustedProxies {

	private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f.:]+(/[0-9]{1,3})?");

	private final List<IpAddressMatcher> matchers;

	private TrustedProxies(List<IpAddressMatcher> matchers) {
		this.matchers = matchers;
	}

	/**
	 * Parse CIDR ranges such as {@code 127.0.0.1/32}, {@code ::1/128} or
	 * {@code 10.0.0.0/8}.
	 * @param ranges the ranges
	 * @return the trusted proxies
	 * @throws IllegalArgumentException when a range is not an IP literal with an optional
	 * prefix length that fits it
	 */
	public static TrustedProxies of(Collection<String> ranges) {
		Assert.notEmpty(ranges, "ranges cannot be empty");
		List<IpAddressMatcher> matchers = new ArrayList<>();
		for (String range : ranges) {
			matchers.add(matcher(range));
		}
		return new TrustedProxies(List.copyOf(matchers));
	}

	private static IpAddressMatcher matcher(@Nullable String range) {
		if (range == null || !CIDR.matcher(range).matches() || !(range.contains(".") || range.contains(":"))) {
			throw new IllegalArgumentException(
					"'" + range + "' is not a CIDR range of IP addresses, such as '127.0.0.1/32' or '10.0.0.0/8'");
		}
		try {
			return new IpAddressMatcher(range);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"'" + range + "' is not a CIDR range of IP addresses, such as '127.0.0.1/32' or '10.0.0.0/8' ("
							+ ex.getMessage() + ")",
					ex);
		}
	}

	/**
	 * Whether a TCP peer is a trusted proxy.
	 * @param peerAddress the connection's peer address (never a forwarded one), or
	 * {@code null} when the server cannot tell it
	 * @return whether it is trusted; never for an unknown peer
	 */
	public boolean trusts(@Nullable String peerAddress) {
		if (peerAddress == null) {
			return false;
		}
		// An IPv6 peer may carry its scope (fe80::1%eth0); the range does not.
		int scope = peerAddress.indexOf('%');
		String address = (scope >= 0) ? peerAddress.substring(0, scope) : peerAddress;
		if (!CIDR.matcher(address).matches()) {
			return false;
		}
		for (IpAddressMatcher matcher : this.matchers) {
			if (matcher.matches(address)) {
				return true;
			}
		}
		return false;
	}

}
