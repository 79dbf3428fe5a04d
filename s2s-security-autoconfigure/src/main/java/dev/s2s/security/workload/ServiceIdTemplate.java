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
package dev.s2s.security.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How a workload's SPIFFE ID names its service: a template such as
 * {@code spiffe://{trust-domain}/ns/{namespace}/sa/{service-id}} (Istio's form) or
 * {@code spiffe://{trust-domain}/{service-id}}. {@code {trust-domain}} is the authority,
 * {@code {service-id}} is exactly one whole path segment, any other {@code {name}}
 * matches exactly one segment whatever it is, and literal segments must be equal. A
 * SPIFFE ID with more or fewer segments does not match.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class ServiceIdTemplate {

	/** The placeholder of the trust domain. */
	public static final String TRUST_DOMAIN = "{trust-domain}";

	/** The placeholder of the service id. */
	public static final String SERVICE_ID = "{service-id}";

	private static final String PREFIX = "spiffe://" + TRUST_DOMAIN + "/";

	private final String template;

	/** Each segment: a literal, or null for any value. */
	private final List<@Nullable String> segments;

	private final int serviceIdIndex;

	private ServiceIdTemplate(String template, List<@Nullable String> segments, int serviceIdIndex) {
		this.template = template;
		this.segments = segments;
		this.serviceIdIndex = serviceIdIndex;
	}

	/**
	 * Parse a template.
	 * @param template the template
	 * @return the template
	 * @throws IllegalArgumentException when the template cannot name a service: it does
	 * not start with {@code spiffe://{trust-domain}/}, has no (or several)
	 * {@code {service-id}} segments, or a segment a SPIFFE ID cannot have
	 */
	public static ServiceIdTemplate of(String template) {
		Assert.notNull(template, "template cannot be null");
		if (!template.startsWith(PREFIX)) {
			throw new IllegalArgumentException(
					"A template starts with '" + PREFIX + "', e.g. '" + PREFIX + "ns/{namespace}/sa/{service-id}'.");
		}
		List<@Nullable String> segments = new ArrayList<>();
		int serviceIdIndex = -1;
		for (String segment : template.substring(PREFIX.length()).split("/", -1)) {
			if (segment.equals(SERVICE_ID)) {
				if (serviceIdIndex >= 0) {
					throw new IllegalArgumentException("A template names '" + SERVICE_ID + "' once.");
				}
				serviceIdIndex = segments.size();
				segments.add(null);
			}
			else if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2
					&& SpiffeId.isSegment(segment.substring(1, segment.length() - 1))) {
				segments.add(null);
			}
			else if (SpiffeId.isSegment(segment)) {
				segments.add(segment);
			}
			else {
				throw new IllegalArgumentException("'" + segment + "' is neither a SPIFFE ID path segment "
						+ "(letters, digits, '.', '-', '_') nor a whole-segment placeholder such as '{namespace}'.");
			}
		}
		if (serviceIdIndex < 0) {
			throw new IllegalArgumentException("A template names the service in one path segment '" + SERVICE_ID
					+ "', e.g. '" + PREFIX + "ns/{namespace}/sa/{service-id}'.");
		}
		// Not List.copyOf: placeholders are nulls.
		return new ServiceIdTemplate(template, Collections.unmodifiableList(segments), serviceIdIndex);
	}

	@Nullable String serviceId(SpiffeId id) {
		if (id.segments().size() != this.segments.size()) {
			return null;
		}
		for (int i = 0; i < this.segments.size(); i++) {
			String literal = this.segments.get(i);
			if (literal != null && !literal.equals(id.segments().get(i))) {
				return null;
			}
		}
		return id.segments().get(this.serviceIdIndex);
	}

	@Override
	public String toString() {
		return this.template;
	}

}
