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
package dev.s2s.security.authorization;

import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * The correlation id of a request, shared by the servlet and reactive filters: the
 * caller's {@value #HEADER} if it is a plausible id, else the current trace id, else a
 * new random one. An incoming id longer than 64 characters or with characters other than
 * letters, digits, {@code .}, {@code _}, {@code :} and {@code -} is replaced, so that it
 * can go into logs and headers as it is. Calls to configured targets carry it on.
 *
 * @author s2s-security team
 * @since 0.2.0
 */
public final class CorrelationId {

	/**
	 * The header that carries the id, in and out.
	 */
	public static final String HEADER = "X-Correlation-Id";

	/**
	 * The key of the id in the MDC (servlet) and in the Reactor context (reactive).
	 */
	public static final String MDC_KEY = "correlationId";

	/**
	 * The request (servlet) or exchange (reactive) attribute that holds the id.
	 */
	public static final String ATTRIBUTE = CorrelationId.class.getName();

	private static final int MAX_LENGTH = 64;

	private CorrelationId() {
	}

	static String resolve(@Nullable String incoming, Supplier<@Nullable String> traceId) {
		if (isValid(incoming)) {
			return incoming;
		}
		String trace = traceId.get();
		return isValid(trace) ? trace : UUID.randomUUID().toString();
	}

	/**
	 * Whether {@code id} can be logged and sent as it is.
	 * @param id a candidate id
	 * @return {@code true} for at most 64 letters, digits, {@code . _ : -}
	 */
	@Contract("null -> false")
	public static boolean isValid(@Nullable String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
