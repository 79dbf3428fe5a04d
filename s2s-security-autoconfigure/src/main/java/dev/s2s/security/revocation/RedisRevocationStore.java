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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.s2s.security.redis.RedisDeadline;
import dev.s2s.security.redis.RedisUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link RevocationStore} in Redis, shared by every instance of a service. Keys are
 * {@code <prefix><kind>:<SHA-256 of the id>} (the prefix names the service), values the
 * epoch second tokens issued at or before are revoked, and every key expires with the
 * last token it can revoke.
 *
 * <p>
 * A lookup is one {@code MGET}; a revocation is one script that keeps the later of two
 * instants. Every command has a deadline: a slow or unreachable Redis fails the command
 * with a {@link RevocationStoreException} when it passes, and for the following second
 * commands fail at once instead of waiting again, so an outage costs one deadline per
 * second, not one per request. Lettuce reconnects by itself; the first command after that
 * second succeeds again.
 *
 * @author s2s-security team
 * @since 0.3.0
 */
public final class RedisRevocationStore implements RevocationStore {

	private static final RedisScript<Long> KEEP_LATER = RedisScript.of("""
			local old = redis.call('GET', KEYS[1])
			if old and tonumber(old) >= tonumber(ARGV[1]) then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2], 'GT')
			  return 0
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return 1
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final RedisDeadline deadline;

	/**
	 * Create a store.
	 * @param redis the template
	 * @param prefix what every key starts with, such as
	 * {@code s2s:revocation:inventory-service:}
	 * @param timeout how long a command may take
	 */
	public RedisRevocationStore(ReactiveStringRedisTemplate redis, String prefix, Duration timeout) {
		Assert.notNull(redis, "redis cannot be null");
		Assert.hasText(prefix, "prefix cannot be empty");
		this.redis = redis;
		this.prefix = prefix;
		this.deadline = new RedisDeadline(timeout);
	}

	@Override
	public void revoke(RevocationKey key, Instant issuedBefore, Instant keepUntil) {
		Assert.notNull(key, "key cannot be null");
		long ttl = keepUntil.toEpochMilli() - System.currentTimeMillis();
		if (ttl <= 0) {
			return;
		}
		String name = key(key);
		await(() -> this.redis
			.execute(KEEP_LATER, List.of(name),
					List.of(Long.toString(issuedBefore.getEpochSecond()), Long.toString(ttl)))
			.then()
			.toFuture(), "write");
	}

	@Override
	public List<@Nullable Instant> find(List<RevocationKey> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		List<String> names = new ArrayList<>(keys.size());
		keys.forEach((key) -> names.add(key(key)));
		List<String> values = await(() -> this.redis.opsForValue().multiGet(names).toFuture(), "lookup");
		if (values == null || values.size() != keys.size()) {
			throw unavailable(this.deadline.fail("lookup", new IllegalStateException("unexpected reply")));
		}
		List<@Nullable Instant> found = new ArrayList<>(values.size());
		for (String value : values) {
			found.add((value != null) ? Instant.ofEpochSecond(Long.parseLong(value)) : null);
		}
		return found;
	}

	/**
	 * The Redis key of a revocation key.
	 * @param key the key
	 * @return the prefix, kind and digest of the id
	 */
	public String key(RevocationKey key) {
		return this.prefix + key.digest();
	}

	private <T> @Nullable T await(Supplier<CompletableFuture<T>> command, String what) {
		try {
			return this.deadline.await(command, what);
		}
		catch (RedisUnavailableException ex) {
			throw unavailable(ex);
		}
	}

	private static RevocationStoreException unavailable(RedisUnavailableException ex) {
		return new RevocationStoreException(String.valueOf(ex.getMessage()),
				(ex.getCause() != null) ? ex.getCause() : ex);
	}

}
