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
package dev.s2s.security.dpop;

import java.time.Clock;
import java.time.Duration;

import dev.s2s.security.redis.RedisDeadline;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.Assert;

/**
 * A {@link DPoPReplayCache} in Redis, shared by every instance of a service, so that a
 * proof used on one instance is refused by all the others. Remembering a proof is one
 * {@code SET key value NX PX ttl}: atomic, so of two instances receiving the same proof
 * at once exactly one accepts it. Keys are {@code <prefix><key thumbprint>:<SHA-256 of
 * jti>} (the prefix names the service; no {@code jti} in clear), values the proof's
 * {@code iat} and expiry in epoch seconds, written by s2s-security (not Java
 * serialization).
 *
 * <p>
 * Every command has a deadline; after a failure, commands fail at once for one second
 * instead of waiting again (as for the revocation store), and Lettuce reconnects by
 * itself.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class RedisDPoPReplayCache extends DPoPReplayCache {

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final RedisDeadline deadline;

	/**
	 * Create a cache.
	 * @param redis the template
	 * @param prefix what every key starts with, such as
	 * {@code s2s:dpop:inventory-service:}
	 * @param timeout how long a command may take
	 * @param window the proof window, as given to the validator
	 * @param retryAfter the {@code Retry-After} of a {@code 503} when Redis cannot answer
	 * @param clock the clock
	 */
	public RedisDPoPReplayCache(ReactiveStringRedisTemplate redis, String prefix, Duration timeout, Duration window,
			Duration retryAfter, Clock clock) {
		super(window, retryAfter, clock);
		Assert.notNull(redis, "redis cannot be null");
		Assert.hasText(prefix, "prefix cannot be empty");
		this.redis = redis;
		this.prefix = prefix;
		this.deadline = new RedisDeadline(timeout);
	}

	/**
	 * The Redis key of a proof.
	 * @param key the key thumbprint and {@code jti} digest
	 * @return the Redis key
	 */
	public String key(String key) {
		return this.prefix + key;
	}

	@Override
	boolean remember(String key, String value, Duration ttl) {
		Boolean set = this.deadline.await(() -> this.redis.opsForValue().setIfAbsent(key(key), value, ttl).toFuture(),
				"write");
		if (set == null) {
			throw this.deadline.fail("write", new IllegalStateException("no reply"));
		}
		return set;
	}

}
