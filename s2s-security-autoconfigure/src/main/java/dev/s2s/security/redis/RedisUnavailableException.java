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

package dev.s2s.security.redis;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Redis could not answer a command now. The message names the command and the kind of
 * failure, never Redis' address or reply.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class RedisUnavailableException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	RedisUnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
