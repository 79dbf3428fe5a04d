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
package dev.s2s.security.benchmarks.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of an end-to-end run: {@code key=value} arguments, else system properties
 * {@code endtoend.<key>}, else the defaults. Durations read {@code 500ms}, {@code 20s},
 * {@code 10m} or {@code 1h}.
 *
 * @author s2s-security team
 */
final class Settings {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Map<String, String> used = new LinkedHashMap<>();

	private Settings() {
	}

	static Settings of(String[] args) {
		Settings settings = new Settings();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("Arguments are key=value (e.g. measure=20s), not '" + arg + "'");
			}
			settings.values.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		return settings;
	}

	String string(String key, String defaultValue) {
		String value = this.values.getOrDefault(key, System.getProperty("endtoend." + key, defaultValue));
		this.used.put(key, value);
		return value;
	}

	int integer(String key, int defaultValue) {
		return Integer.parseInt(string(key, String.valueOf(defaultValue)));
	}

	Duration duration(String key, String defaultValue) {
		String value = string(key, defaultValue);
		Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException(key + " is a duration such as 20s or 10m, not '" + value + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

	List<String> list(String key, String defaultValue) {
		String value = string(key, defaultValue).trim();
		return value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split("\\s*,\\s*")));
	}

	/**
	 * Fails on a key that no setting read, a typo that would otherwise be ignored.
	 */
	void checkAllUsed() {
		for (String key : this.values.keySet()) {
			if (!this.used.containsKey(key)) {
				throw new IllegalArgumentException("Unknown setting '" + key + "'; known: " + this.used.keySet());
			}
		}
	}

	/**
	 * What was used, for the report's header.
	 * @return the settings read, in order
	 */
	Map<String, String> used() {
		return this.used;
	}

}
