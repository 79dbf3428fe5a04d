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

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where revocations are kept: in memory for one instance
 * ({@link InMemoryRevocationStore}), or in a store every instance of the service shares
 * ({@link RedisRevocationStore}).
 *
 * <p>
 * An entry holds an instant: tokens of its key issued at or before it are revoked. An
 * entry is kept until its {@code keepUntil}, the last moment a token it revokes can still
 * be valid, and never longer.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public interface RevocationStore {

	/**
	 * Revoke the tokens of a key issued at or before an instant. A later instant already
	 * stored for the key is kept.
	 * @param key what to revoke
	 * @param issuedBefore tokens issued at or before this instant are revoked
	 * @param keepUntil when the entry may be forgotten
	 * @throws RevocationStoreException when the store cannot be written
	 */
	void revoke(RevocationKey key, Instant issuedBefore, Instant keepUntil);

	/**
	 * Look keys up, all at once (one round trip for a remote store).
	 * @param keys the keys
	 * @return for each key, in order, its instant, or {@code null} when it is not revoked
	 * @throws RevocationStoreException when the store cannot answer in time
	 */
	List<@Nullable Instant> find(List<RevocationKey> keys);

}
