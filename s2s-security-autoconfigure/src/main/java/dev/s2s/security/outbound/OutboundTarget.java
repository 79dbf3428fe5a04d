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

import java.util.Locale;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A service this service calls: where it lives, what token it expects and whose identity
 * travels to it.
 *
 * @param name the target name, used in messages and by {@link ServiceTokens}
 * @param baseUrls the URLs that belong to the target; tokens are attached only to them
 * @param audience the audience to ask the identity provider for, or {@code null}
 * @param scopes the scopes to ask for
 * @param identity how identity travels to the target
 * @param audienceParameter how the audience is sent for this target, or {@code null} for
 * the default of {@link ServiceTokens}
 * @author s2s-security team
 * @since 0.1.0
 */
public record OutboundTarget(String name, List<URI> baseUrls, @Nullable String audience, List<String> scopes,
		Identity identity, @Nullable AudienceParameter audienceParameter, boolean dpop) {

	/**
	 * Check the target.
	 * @param name the target's name, as used in {@link ServiceTokens#getToken(String)}
	 * @param baseUrls the URLs whose requests get the target's token
	 * @param audience the audience to ask for, or {@code null}
	 * @param scopes the scopes to ask for
	 * @param identity how identity travels to the target
	 * @param audienceParameter how the audience is sent, or {@code null} for the default
	 * @param dpop whether the target requires DPoP-bound tokens (RFC 9449): tokens are
	 * requested with a DPoP proof, and every request carries a fresh proof
	 */
	public OutboundTarget {
		Assert.hasText(name, "name cannot be empty");
		Assert.notEmpty(baseUrls, "baseUrls cannot be empty");
		Assert.notNull(scopes, "scopes cannot be null");
		Assert.notNull(identity, "identity cannot be null");
		baseUrls = List.copyOf(baseUrls);
		scopes = scopes.stream().sorted().distinct().toList();
	}

	/**
	 * A target of bearer tokens.
	 * @param name the target name
	 * @param baseUrls the URLs that belong to the target
	 * @param audience the audience to ask for, or {@code null}
	 * @param scopes the scopes to ask for
	 * @param identity how identity travels to the target
	 * @param audienceParameter how the audience is sent, or {@code null} for the default
	 */
	public OutboundTarget(String name, List<URI> baseUrls, @Nullable String audience, List<String> scopes,
			Identity identity, @Nullable AudienceParameter audienceParameter) {
		this(name, baseUrls, audience, scopes, identity, audienceParameter, false);
	}

	/**
	 * A target that sends its audience the default way.
	 * @param name the target name
	 * @param baseUrls the URLs that belong to the target
	 * @param audience the audience to ask for, or {@code null}
	 * @param scopes the scopes to ask for
	 * @param identity how identity travels to the target
	 */
	public OutboundTarget(String name, List<URI> baseUrls, @Nullable String audience, List<String> scopes,
			Identity identity) {
		this(name, baseUrls, audience, scopes, identity, null, false);
	}

	/**
	 * How the caller's identity travels to a target.
	 */
	public enum Identity {

		/**
		 * This service's own token (client credentials).
		 */
		SERVICE,

		/**
		 * The incoming bearer token, unchanged.
		 */
		FORWARD,

		/**
		 * An RFC 8693 token exchange of the incoming token, so the target sees a
		 * delegated caller.
		 */
		EXCHANGE;

		/**
		 * The value as it is written in configuration, e.g. {@code exchange}.
		 * @return the value in kebab case
		 */
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
