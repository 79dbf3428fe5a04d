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
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import dev.s2s.security.authorization.UnannotatedHandlers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;

/**
 * Logs, once at startup, one line per endpoint that a caller annotation or a path rule
 * governs, so that a reviewer can read the policy from the log, and one WARN block
 * listing the handlers that name no caller (the default for unannotated handlers applies
 * to them). Reading every handler also fails startup on an invalid annotation rather than
 * on its first call.
 *
 * @author s2s-security team
 */
final class PolicyReport {

	private static final Log logger = LogFactory.getLog(PolicyReport.class);

	private PolicyReport() {
	}

	static void log(Stream<Endpoint> endpoints, CallerPolicies policies, ServicePathRules rules) {
		List<String> unannotated = new ArrayList<>();
		endpoints.forEach((endpoint) -> {
			String line = line(endpoint, policies, rules);
			if (line != null && logger.isInfoEnabled()) {
				logger.info(line);
			}
			else if (line == null && policies.isUnannotated(endpoint.handler())) {
				unannotated.add("  " + endpoint.describe() + " (" + endpoint.handler().getBeanType().getSimpleName()
						+ "." + endpoint.handler().getMethod().getName() + ")");
			}
		});
		if (!unannotated.isEmpty() && logger.isWarnEnabled()) {
			logger.warn(unannotatedBlock(unannotated, policies.unannotated()));
		}
	}

	private static String unannotatedBlock(List<String> handlers, UnannotatedHandlers mode) {
		String outcome = (mode == UnannotatedHandlers.DENY) ? "are denied to every caller (403)"
				: "admit any authenticated caller";
		return "s2s endpoint policy: " + handlers.size() + " handler(s) name no caller and " + outcome
				+ " (s2s.security.authorization.unannotated=" + mode.name().toLowerCase(Locale.ROOT)
				+ "). Annotate them with @ServiceCaller, @UserCaller or @DelegatedCaller, or cover them with "
				+ "s2s.security.authorization.service-paths or public-paths:" + System.lineSeparator()
				+ String.join(System.lineSeparator(), handlers);
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
		return "s2s endpoint policy: " + endpoint.describe() + " -> " + String.join(" and ", parts);
	}

	/**
	 * A handler method and the requests it maps.
	 */
	record Endpoint(Collection<String> methods, Set<String> patterns, HandlerMethod handler) {

		String describe() {
			return (this.methods.isEmpty() ? "*" : String.join(",", this.methods)) + " " + this.patterns;
		}

	}

}
