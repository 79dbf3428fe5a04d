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

package dev.s2s.security.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Tokens refused for a reason that cannot change (a bad signature, another audience, an
 * expiry passed), so that a token sent again and again (by a client that never renews it,
 * or in a flood of one forged token) is refused for a lookup rather than for a signature
 * check each time. Only refusals are remembered: nothing here can let a token in.
 *
 * @author s2s-security team
 */
final class RefusedTokens {

	/**
	 * A signature is bad for the keys of now; a minute later it is checked again, so that
	 * a key the issuer republishes under the same {@code kid} is not missed for longer.
	 */
	static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

	/**
	 * What a token counts for, in characters: refused tokens are the caller's to choose,
	 * up to 16 KiB each, so the memory is bounded by their size, not their number.
	 */
	static final int TYPICAL_TOKEN_LENGTH = 1000;

	private final Cache<VerifiedTokens.TokenKey, RejectedTokenException> cache;

	/**
	 * Remember refusals.
	 * @param maximumSize how many tokens of {@link #TYPICAL_TOKEN_LENGTH} are kept; a
	 * longer one counts for more
	 * @param clock the time checks' clock
	 */
	RefusedTokens(long maximumSize, Clock clock) {
		this.cache = Caffeine.newBuilder()
			.maximumWeight(maximumSize * TYPICAL_TOKEN_LENGTH)
			.weigher((VerifiedTokens.TokenKey token, RejectedTokenException refusal) -> token.length())
			.expireAfterWrite(REMEMBERED_FOR)
			// The time checks' clock, so that a test can let a minute pass.
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.executor(Runnable::run)
			.build();
	}

	/**
	 * The refusal of a token refused before.
	 * @return a new exception with the first refusal's reason, or {@code null}
	 */
	@Nullable RejectedTokenException get(String token) {
		RejectedTokenException refusal = this.cache.getIfPresent(new VerifiedTokens.TokenKey(token));
		return (refusal != null) ? refusal.again() : null;
	}

	void put(String token, RejectedTokenException refusal) {
		this.cache.put(new VerifiedTokens.TokenKey(token), refusal.again());
	}

}
