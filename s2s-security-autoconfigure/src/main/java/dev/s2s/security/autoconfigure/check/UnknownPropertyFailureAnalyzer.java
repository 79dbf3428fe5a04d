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
package dev.s2s.security.autoconfigure.check;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an unknown {@code s2s.security} key: where it was set and the known key it
 * most likely meant, found by edit distance among the keys of
 * {@link S2sConfigurationTree} (list and map entries included). Keys that moved are named
 * with their new place. Other unknown keys are left to Spring Boot's own analyzer.
 *
 * @author s2s-security team
 */
final class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
		implements Ordered {

	private static final String PREFIX = "s2s.security.";

	private static final Map<String, String> MOVED = Map.of(PREFIX + "inbound.service-paths",
			PREFIX + "authorization.service-paths", PREFIX + "inbound.public-paths",
			PREFIX + "authorization.public-paths", PREFIX + "inbound.jwks.size-limit",
			PREFIX + "inbound.jwks.max-response-size");

	private static final List<String> KNOWN = knownNames(PREFIX, S2sConfigurationTree.class, new ArrayList<>());

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<ConfigurationProperty> unknown = cause.getUnboundProperties()
			.stream()
			.filter((property) -> property.getName().toString().startsWith(PREFIX))
			.toList();
		if (unknown.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder(
				"s2s-security does not know these keys, so what they say " + "would silently not apply:");
		StringBuilder action = new StringBuilder("Fix or remove each key:");
		for (ConfigurationProperty property : unknown) {
			String name = property.getName().toString();
			description.append(String.format("%n    %s (from %s)", name, property.getOrigin()));
			String meant = meant(name);
			action.append(String.format("%n    %s: %s", name,
					(meant != null) ? "did you mean '" + meant + "'?" : "no such key in s2s.security"));
		}
		action.append(String.format("%nEvery key is listed in docs/configuration.md."));
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	@Override
	public int getOrder() {
		// Before Spring Boot's analyzer of the same failure.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * The known key an unknown one most likely means, written with the unknown key's own
	 * list indexes and map keys.
	 */
	static @Nullable String meant(String name) {
		List<String> segments = List.of(name.split("\\."));
		for (Map.Entry<String, String> moved : MOVED.entrySet()) {
			int depth = moved.getKey().split("\\.").length;
			if (segments.size() >= depth
					&& distance(strip(String.join(".", segments.subList(0, depth))), moved.getKey()) <= 2) {
				List<String> rest = segments.subList(depth - 1, segments.size());
				return moved.getValue() + index(rest.get(0))
						+ ((rest.size() > 1) ? "." + String.join(".", rest.subList(1, rest.size())) : "");
			}
		}
		String sibling = closest(segments);
		if (sibling != null) {
			return sibling;
		}
		// A typo in a parent: compare whole keys, list indexes and map keys aside.
		return KNOWN.stream()
			.filter((known) -> segmentDistance(known.split("\\."), segments) <= 2)
			.findFirst()
			.map((known) -> inTermsOf(known, segments))
			.orElse(null);
	}

	private static int segmentDistance(String[] pattern, List<String> segments) {
		if (pattern.length != segments.size()) {
			return Integer.MAX_VALUE;
		}
		int total = 0;
		for (int i = 0; i < pattern.length; i++) {
			total += pattern[i].equals("*") ? 0 : distance(strip(pattern[i]), strip(segments.get(i)));
		}
		return total;
	}

	/**
	 * A known key with the unknown key's own list indexes and map keys.
	 */
	private static String inTermsOf(String known, List<String> segments) {
		String[] pattern = known.split("\\.");
		for (int i = 0; i < pattern.length; i++) {
			if (pattern[i].equals("*")) {
				pattern[i] = segments.get(i);
			}
			else if (pattern[i].endsWith("[*]")) {
				pattern[i] = strip(pattern[i]) + index(segments.get(i));
			}
		}
		return String.join(".", pattern);
	}

	/**
	 * The known key with the same parents whose last segment is closest to the unknown
	 * one's.
	 */
	private static @Nullable String closest(List<String> segments) {
		String last = segments.get(segments.size() - 1);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String known : KNOWN) {
			List<String> pattern = List.of(known.split("\\."));
			if (pattern.size() != segments.size() || !sameParents(pattern, segments)) {
				continue;
			}
			String candidate = pattern.get(pattern.size() - 1);
			int distance = distance(strip(last), strip(candidate));
			if (distance < bestDistance) {
				bestDistance = distance;
				best = inTermsOf(known, segments);
			}
		}
		return (bestDistance <= Math.max(2, strip(last).length() / 3)) ? best : null;
	}

	private static String index(String segment) {
		int bracket = segment.indexOf('[');
		return (bracket >= 0) ? segment.substring(bracket) : "";
	}

	private static boolean sameParents(List<String> pattern, List<String> segments) {
		for (int i = 0; i < segments.size() - 1; i++) {
			String expected = pattern.get(i);
			String actual = segments.get(i);
			boolean matches = expected.equals("*") || expected.equals(actual)
					|| (expected.endsWith("[*]") && strip(expected).equals(strip(actual)));
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	private static String strip(String segment) {
		int bracket = segment.indexOf('[');
		return (bracket >= 0) ? segment.substring(0, bracket) : segment;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Every key of a properties type, with {@code [*]} for list elements and {@code *}
	 * for map keys.
	 */
	private static List<String> knownNames(String prefix, Class<?> type, List<String> names) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + DataObjectPropertyName.toDashedForm(property.getName());
			Type generic = property.getReadMethod().getGenericReturnType();
			Class<?> element = elementType(generic, List.class, 0);
			Class<?> value = elementType(generic, Map.class, 1);
			if (element != null && isProperties(element)) {
				knownNames(name + "[*].", element, names);
			}
			else if (value != null && isProperties(value)) {
				knownNames(name + ".*.", value, names);
			}
			else if (isProperties(property.getPropertyType())) {
				knownNames(name + ".", property.getPropertyType(), names);
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	private static boolean isProperties(Class<?> type) {
		return type.getName().startsWith("dev.s2s.security.autoconfigure.") && !type.isEnum();
	}

	private static @Nullable Class<?> elementType(Type type, Class<?> container, int index) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& container.isAssignableFrom(raw)
				&& parameterized.getActualTypeArguments()[index] instanceof Class<?> c) {
			return c;
		}
		return null;
	}

}
