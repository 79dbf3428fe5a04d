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
package dev.s2s.security.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.util.Assert;

/**
 * What a revocation applies to: one token, by its {@code jti}, or the tokens of a client
 * or a subject. Stores key entries by {@link #digest()}, never by the id itself, so that
 * token ids and user ids never appear in a store or a log in clear text.
 *
 * @param kind what the id identifies
 * @param id the token id, client id or subject
 * @author s2s-security team
 * @since 0.3.0
 */
public record RevocationKey(Kind kind, String id) {

	/**
	 * Check the components.
	 * @param kind what the id identifies
	 * @param id the token id, client id or subject
	 */
	public RevocationKey {
		Assert.notNull(kind, "kind cannot be null");
		Assert.hasText(id, "id cannot be empty");
	}

	/**
	 * The key of one token.
	 * @param jti the token's {@code jti}
	 * @return the key
	 */
	public static RevocationKey token(String jti) {
		return new RevocationKey(Kind.TOKEN, jti);
	}

	/**
	 * The key of a client's tokens.
	 * @param clientId the client id ({@code client_id}, {@code azp}, {@code cid} or
	 * {@code appid})
	 * @return the key
	 */
	public static RevocationKey client(String clientId) {
		return new RevocationKey(Kind.CLIENT, clientId);
	}

	/**
	 * The key of a subject's tokens.
	 * @param subject the {@code sub}
	 * @return the key
	 */
	public static RevocationKey subject(String subject) {
		return new RevocationKey(Kind.SUBJECT, subject);
	}

	/**
	 * The kind and a SHA-256 digest of the id, such as {@code token:3q2-7w...}: what
	 * stores key entries by.
	 * @return the digest, safe to store and log
	 */
	public String digest() {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(this.id.getBytes(StandardCharsets.UTF_8));
			return this.kind.prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}

	@Override
	public String toString() {
		return digest();
	}

	/**
	 * What a revocation key identifies.
	 */
	public enum Kind {

		/** One token, by its {@code jti}. */
		TOKEN("token:"),

		/** The tokens a client was issued. */
		CLIENT("client:"),

		/** The tokens of a subject ({@code sub}). */
		SUBJECT("subject:");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

	}

}
