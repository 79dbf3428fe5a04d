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
package dev.s2s.security.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The startup check that every s2s rule is enforced: the chain each governed request
 * would reach must apply s2s-security, since the rules are decided inside s2s chains
 * only. Otherwise startup fails and says what to add.
 *
 * @param <C> the type of filter chain
 * @author s2s-security team
 */
final class RuleCoverage<C> {

	private final Map<String, C> chains;

	private final Predicate<C> appliesS2s;

	/**
	 * Create a check.
	 * @param chains the application's chains by bean name, in the order requests try them
	 * @param appliesS2s whether a chain applies s2s-security
	 */
	RuleCoverage(Map<String, C> chains, Predicate<C> appliesS2s) {
		this.chains = chains;
		this.appliesS2s = appliesS2s;
	}

	/**
	 * Fail if a governed request would reach a chain without s2s.
	 * @param probes the governed requests
	 * @param matches whether a chain handles a request (a matcher that fails to answer
	 * does not handle it)
	 */
	void check(List<Probes.Probe> probes, Matcher<C> matches) {
		List<String> uncovered = new ArrayList<>();
		for (Probes.Probe probe : probes) {
			String chain = chainFor(probe, matches);
			if (chain != null && !this.appliesS2s.test(this.chains.get(chain))) {
				uncovered.add("    " + probe + " is handled by the filter chain '" + chain + "'");
			}
		}
		if (!uncovered.isEmpty()) {
			throw new IllegalStateException("s2s-security's rules would not hold for these requests, because the "
					+ "filter chain that handles them does not apply s2s-security:" + System.lineSeparator()
					+ String.join(System.lineSeparator(), uncovered) + System.lineSeparator()
					+ "Apply s2s-security in that chain (http.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults()); "
					+ "WebFlux: s2sServerHttpConfigurer.configure(http)), or narrow its securityMatcher so that "
					+ "these requests reach s2s-security's own chain.");
		}
	}

	private @Nullable String chainFor(Probes.Probe probe, Matcher<C> matches) {
		for (Map.Entry<String, C> chain : this.chains.entrySet()) {
			try {
				if (matches.matches(chain.getValue(), probe)) {
					return chain.getKey();
				}
			}
			catch (RuntimeException ex) {
				// A matcher that needs more of a request than a probe has: not this one.
			}
		}
		return null;
	}

	@FunctionalInterface
	interface Matcher<C> {

		boolean matches(C chain, Probes.Probe probe);

	}

}
