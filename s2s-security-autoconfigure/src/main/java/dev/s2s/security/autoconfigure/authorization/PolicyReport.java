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
package dev.s2s.security.autoconfigure.authorization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;

/**
 * Logs, once at startup, one line per endpoint that a caller annotation or a path rule
 * governs, so that a reviewer can read the policy from the log. Reading every handler
 * also fails startup on an invalid annotation rather than on its first call.
 *
 * @author s2s-security team
 */
final class PolicyReport {

	private static final Log logger = LogFactory.getLog(PolicyReport.class);

	private PolicyReport() {
	}

	static void log(Stream<Endpoint> endpoints, CallerPolicies policies, ServicePathRules rules) {
		endpoints.forEach((endpoint) -> {
			String line = line(endpoint, policies, rules);
			if (line != null && logger.isInfoEnabled()) {
				logger.info(line);
			}
		});
	}

	private static @Nullable String line(Endpoint endpoint, CallerPolicies policies, ServicePathRules rules) {
		List<String> parts = new ArrayList<>();
		for (String pattern : endpoint.patterns()) {
			String pathRule = rules.describe(pattern);
			if (pathRule != null) {
				parts.add((endpoint.patterns().size() > 1) ? pattern + ": " + pathRule : pathRule);
			}
		}
		String annotations = policies.describe(endpoint.handler());
		if (annotations != null) {
			parts.add(annotations);
		}
		if (parts.isEmpty()) {
			return null;
		}
		String methods = endpoint.methods().isEmpty() ? "*" : String.join(",", endpoint.methods());
		return "s2s endpoint policy: " + methods + " " + endpoint.patterns() + " -> " + String.join(" and ", parts);
	}

	/**
	 * A handler method and the requests it maps.
	 */
	record Endpoint(Collection<String> methods, Set<String> patterns, HandlerMethod handler) {

	}

}
