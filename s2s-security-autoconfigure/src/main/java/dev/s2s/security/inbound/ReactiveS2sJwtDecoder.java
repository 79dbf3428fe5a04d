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

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;

/**
 * The reactive face of an {@link S2sJwtDecoder}: the same checks and cache. Cache hits
 * answer at once; a first-seen token is verified on the calling thread when its key is in
 * the cached keys, and off the event loop when verifying it would fetch keys, which
 * blocks. With checks of the application's own (revocation, say), which run on cache hits
 * too and may block as well, every token is checked off the event loop.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ReactiveS2sJwtDecoder implements ReactiveJwtDecoder {

	private final S2sJwtDecoder decoder;

	/**
	 * Adapt a decoder.
	 * @param decoder the decoder whose checks and cache this one shares
	 */
	public ReactiveS2sJwtDecoder(S2sJwtDecoder decoder) {
		Assert.notNull(decoder, "decoder cannot be null");
		this.decoder = decoder;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		if (this.decoder.hasApplicationChecks()) {
			// They run on cache hits too and may block: never on an event-loop thread.
			return Mono.fromCallable(() -> {
				Jwt cached = this.decoder.cached(token);
				return (cached != null) ? cached : this.decoder.verifyAndCache(token);
			}).subscribeOn(Schedulers.boundedElastic());
		}
		try {
			Jwt cached = this.decoder.cached(token);
			if (cached != null) {
				return Mono.just(cached);
			}
			// Pure computation while its key is cached, as in Spring's reactive decoder.
			return Mono.just(this.decoder.verifyAndCacheWithoutFetching(token));
		}
		catch (S2sJwtDecoder.KeysNotAtHand ex) {
			return Mono.fromCallable(() -> this.decoder.verifyAndCache(token)).subscribeOn(Schedulers.boundedElastic());
		}
		catch (JwtException | AuthenticationException ex) {
			return Mono.error(ex);
		}
	}

}
