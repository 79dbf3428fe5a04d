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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Where the correlation filters of s2s filter chains get a request's id when the caller
 * sends none (or an implausible one): the current trace id, if tracing is in use, else a
 * random UUID.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class CorrelationIds {

	private final Supplier<@Nullable String> traceId;

	/**
	 * Create the source of correlation ids.
	 * @param traceId the current trace id, if tracing is in use
	 */
	public CorrelationIds(Supplier<@Nullable String> traceId) {
		Assert.notNull(traceId, "traceId cannot be null");
		this.traceId = traceId;
	}

	String resolve(@Nullable String incoming) {
		return CorrelationId.resolve(incoming, this.traceId);
	}

}
