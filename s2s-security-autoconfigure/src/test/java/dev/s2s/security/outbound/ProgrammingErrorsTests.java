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
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A programming error in the outbound API (a {@code null}, an impossible setting) is
 * refused where it is made, with a message naming the argument, not later as a
 * {@code NullPointerException} or a silently odd token cache.
 */
class ProgrammingErrorsTests {

	private static final ClientCredentials CREDENTIALS = ClientCredentials.clientSecretBasic("orders", () -> "s");

	private static final Duration ZERO = Duration.ZERO;

	private static final Duration NEGATIVE = Duration.ofSeconds(-1);

	private static final Duration ONE = Duration.ofSeconds(1);

	static Stream<Arguments> refusedArguments() {
		return Stream.of(arguments("credentials cannot be null", call(() -> ServiceTokens.builder(null))),
				arguments("tokenUri cannot be null", call(() -> builder().tokenUri(null))),
				arguments("issuerUri cannot be null", call(() -> builder().issuerUri(null))),
				arguments("target cannot be null", call(() -> builder().target(null))),
				arguments("audienceParameter cannot be null", call(() -> builder().audienceParameter(null))),
				arguments("timeouts must be positive", call(() -> builder().timeouts(ZERO, ONE, ONE))),
				arguments("timeouts must be positive", call(() -> builder().timeouts(ONE, NEGATIVE, ONE))),
				arguments("timeouts must be positive", call(() -> builder().timeouts(ONE, ONE, ZERO))),
				arguments("maxResponseSize must be positive", call(() -> builder().maxResponseSize(0))),
				arguments("defaultTokenLifetime must be positive", call(() -> builder().defaultTokenLifetime(ZERO))),
				arguments("maxTokenLifetime must be positive", call(() -> builder().maxTokenLifetime(NEGATIVE))),
				arguments("renewAtFraction must be between 0 and 1", call(() -> builder().renewAtFraction(0))),
				arguments("renewAtFraction must be between 0 and 1", call(() -> builder().renewAtFraction(1))),
				arguments("backoff must be positive, max >= initial", call(() -> builder().backoff(ZERO, ONE))),
				arguments("backoff must be positive, max >= initial",
						call(() -> builder().backoff(Duration.ofSeconds(2), ONE))),
				arguments("maximumCacheSize must be positive", call(() -> builder().maximumCacheSize(0))),
				arguments("metrics cannot be null", call(() -> builder().metrics(null))),
				arguments("observations cannot be null", call(() -> builder().observations(null))),
				arguments("clock cannot be null", call(() -> builder().clock(null))),
				arguments("clientId cannot be empty", call(() -> ClientCredentials.clientSecretBasic(" ", () -> "s"))),
				arguments("secret cannot be null", call(() -> ClientCredentials.clientSecretBasic("orders", null))),
				arguments("secret cannot be null", call(() -> ClientCredentials.clientSecretPost("orders", null))),
				arguments("key cannot be null", call(() -> ClientCredentials.privateKeyJwt("orders", null, null))),
				arguments("file cannot be null", call(() -> ClientCredentials.secretFile(null))),
				arguments("file cannot be null", call(() -> ClientCredentials.keyFile(null))),
				arguments("serviceTokens cannot be null", call(() -> new ServiceTokenInterceptor(null))),
				arguments("serviceTokens cannot be null", call(() -> new ServiceTokenExchangeFilterFunction(null))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedArguments")
	void refusedWithAMessageNamingTheArgument(String message, ThrowingCallable call) {
		assertThatIllegalArgumentException().isThrownBy(call).withMessage(message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedBoundaries")
	void acceptsTheSmallestValidSettings(String setting, ThrowingCallable call) throws Throwable {
		call.call();
	}

	static Stream<Arguments> acceptedBoundaries() {
		Duration nano = Duration.ofNanos(1);
		return Stream.of(arguments("timeouts of 1 ns", call(() -> builder().timeouts(nano, nano, nano))),
				arguments("maxResponseSize of 1 byte", call(() -> builder().maxResponseSize(1))),
				arguments("defaultTokenLifetime of 1 ns", call(() -> builder().defaultTokenLifetime(nano))),
				arguments("maxTokenLifetime of 1 ns", call(() -> builder().maxTokenLifetime(nano))),
				arguments("renewAtFraction just above 0", call(() -> builder().renewAtFraction(Double.MIN_VALUE))),
				arguments("renewAtFraction just below 1", call(() -> builder().renewAtFraction(Math.nextDown(1.0)))),
				arguments("backoff with max = initial", call(() -> builder().backoff(ONE, ONE))),
				arguments("maximumCacheSize of 1", call(() -> builder().maximumCacheSize(1))));
	}

	@Test
	void aTargetThatNeedsTokensNeedsATokenUriOrAnIssuer() {
		OutboundTarget target = new OutboundTarget("payments", List.of(URI.create("http://127.0.0.1:8081")), "payments",
				List.of(), OutboundTarget.Identity.SERVICE, null);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> builder().target(target).build())
			.withMessage("A token URI or an issuer URI is required");
	}

	private static ServiceTokens.Builder builder() {
		return ServiceTokens.builder(CREDENTIALS);
	}

	private static ThrowingCallable call(ThrowingCallable callable) {
		return callable;
	}

}
