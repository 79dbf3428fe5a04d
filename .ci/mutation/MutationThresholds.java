/*
 * Copyright 2026 the original author or authors.
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Merges PIT's {@code mutations.xml} reports (a mutant is killed when any report's tests
 * detect it), prints the score per package, and fails when a package is below its
 * threshold. Mutants listed as equivalent (class, method, mutator, description; never a
 * line, which moves with every edit) leave the count; an entry that matches nothing fails
 * the check, so the list cannot go stale. Where several mutants of one method share
 * mutator and description, an entry must also say which one (its ordinal in the method's
 * instruction order), so that listing one equivalent cannot hide a killable sibling.
 *
 * <p>
 * {@code java MutationThresholds.java equivalent-mutants.txt mutations.xml...}
 */
public final class MutationThresholds {

	private static final double OVERALL = 85.0;

	/** Packages where a surviving mutant is a way around a security check. */
	private static final Map<String, Double> STRICT = Map.of("dev.s2s.security.inbound", 90.0,
			"dev.s2s.security.caller", 90.0, "dev.s2s.security.authorization", 90.0);

	private MutationThresholds() {
	}

	public static void main(String[] args) throws Exception {
		List<Equivalent> equivalents = Equivalent.read(Path.of(args[0]));
		Map<String, Mutant> mutants = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			for (Mutant mutant : read(Path.of(args[i]))) {
				mutants.merge(mutant.key(), mutant, Mutant::either);
			}
		}
		// The mutants of one method sharing mutator and description, in instruction order.
		Map<String, List<Mutant>> siblings = new HashMap<>();
		for (Mutant mutant : mutants.values()) {
			siblings.computeIfAbsent(mutant.siblingKey(), (key) -> new ArrayList<>()).add(mutant);
		}
		siblings.values().forEach((group) -> group.sort(Comparator.comparingInt(Mutant::firstIndex)));
		Map<String, Score> packages = new TreeMap<>();
		Score overall = new Score();
		List<Mutant> survivors = new ArrayList<>();
		for (Mutant mutant : mutants.values()) {
			Score score = packages.computeIfAbsent(mutant.packageName(), (name) -> new Score());
			boolean equivalent = false;
			for (Equivalent candidate : equivalents) {
				if (candidate.matches(mutant, siblings.get(mutant.siblingKey()))) {
					candidate.used = true;
					equivalent = true;
					candidate.killed |= mutant.detected();
				}
			}
			score.add(mutant, equivalent);
			overall.add(mutant, equivalent);
			if (!mutant.detected && !equivalent) {
				survivors.add(mutant);
			}
		}
		List<String> failures = new ArrayList<>();
		System.out.printf("%n%-44s %7s %7s %9s %9s %7s %7s%n", "package", "mutants", "killed", "survived",
				"uncovered", "equiv.", "score");
		packages.forEach((name, score) -> {
			Double threshold = STRICT.get(name);
			System.out.printf("%-44s %7d %7d %9d %9d %7d %6.1f%%%s%n", name, score.total, score.killed,
					score.survived, score.uncovered, score.equivalent, score.percent(),
					(threshold != null) ? "  (min " + threshold + "%)" : "");
			if (threshold != null && score.percent() < threshold) {
				failures.add(name + " scores " + format(score.percent()) + "%, below " + threshold + "%");
			}
		});
		System.out.printf("%-44s %7d %7d %9d %9d %7d %6.1f%%  (min %s%%)%n%n", "overall", overall.total,
				overall.killed, overall.survived, overall.uncovered, overall.equivalent, overall.percent(), OVERALL);
		if (overall.percent() < OVERALL) {
			failures.add("overall score " + format(overall.percent()) + "%, below " + OVERALL + "%");
		}
		for (Equivalent equivalent : equivalents) {
			if (equivalent.killed) {
				failures.add("equivalent-mutants.txt line " + equivalent.line
						+ " names a mutant that a test kills: it is not equivalent, remove it (" + equivalent.text + ")");
			}
			if (equivalent.ambiguous > 1) {
				failures.add("equivalent-mutants.txt line " + equivalent.line + " matches " + equivalent.ambiguous
						+ " mutants that share mutator and description: add ' | n', the n-th of them in the "
						+ "method's instruction order (" + equivalent.text + ")");
			}
			// A run over some packages (-Dmutation.targets) says nothing of the other classes.
			boolean analysed = mutants.values().stream().anyMatch((mutant) -> equivalent.names(mutant.className()));
			if (analysed && !equivalent.used) {
				failures.add("equivalent-mutants.txt line " + equivalent.line + " matches no mutant: remove it ("
						+ equivalent.text + ")");
			}
		}
		if (!failures.isEmpty()) {
			System.out.println("Surviving and uncovered mutants:");
			for (Mutant mutant : survivors) {
				System.out.println("  " + mutant);
			}
			System.out.println();
			failures.forEach((failure) -> System.out.println("FAILED: " + failure));
			System.exit(1);
		}
		System.out.println("Mutation thresholds met (" + equivalents.size() + " equivalent mutants listed).");
	}

	private static String format(double percent) {
		return String.format("%.1f", percent);
	}

	private static List<Mutant> read(Path report) throws Exception {
		if (!Files.isRegularFile(report)) {
			throw new IllegalStateException("No PIT report at " + report + ": run './mvnw -Pmutation verify'");
		}
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		NodeList nodes = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
		List<Mutant> mutants = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element element = (Element) nodes.item(i);
			mutants.add(new Mutant(text(element, "mutatedClass"), text(element, "mutatedMethod"),
					text(element, "methodDescription"), text(element, "lineNumber"), text(element, "indexes"),
					text(element, "mutator"), text(element, "description"),
					Boolean.parseBoolean(element.getAttribute("detected")),
					"NO_COVERAGE".equals(element.getAttribute("status"))));
		}
		return mutants;
	}

	private static String text(Element element, String tag) {
		NodeList nodes = element.getElementsByTagName(tag);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent().strip() : "";
	}

	record Mutant(String className, String method, String signature, String line, String indexes, String mutator,
			String description, boolean detected, boolean uncovered) {

		String key() {
			return String.join("|", this.className, this.method, this.signature, this.line, this.indexes,
					this.mutator, this.description);
		}

		String packageName() {
			String outer = this.className.replaceAll("\\$.*", "");
			return outer.substring(0, outer.lastIndexOf('.'));
		}

		String siblingKey() {
			return String.join("|", this.className, this.method, this.signature, this.mutator, this.description);
		}

		int firstIndex() {
			String first = this.indexes.split("\\D+")[0];
			return first.isEmpty() ? 0 : Integer.parseInt(first);
		}

		String mutatorName() {
			return this.mutator.substring(this.mutator.lastIndexOf('.') + 1);
		}

		Mutant either(Mutant other) {
			return this.detected ? this : (other.detected || !other.uncovered) ? other : this;
		}

		@Override
		public String toString() {
			return this.className + " | " + this.method + " | " + mutatorName() + " | " + this.description + "  (line "
					+ this.line + (this.uncovered ? ", no test covers it)" : ")");
		}

	}

	static final class Score {

		int total;

		int killed;

		int survived;

		int uncovered;

		int equivalent;

		void add(Mutant mutant, boolean isEquivalent) {
			if (isEquivalent) {
				this.equivalent++;
				return;
			}
			this.total++;
			if (mutant.detected()) {
				this.killed++;
			}
			else if (mutant.uncovered()) {
				this.uncovered++;
			}
			else {
				this.survived++;
			}
		}

		double percent() {
			return (this.total == 0) ? 100.0 : 100.0 * this.killed / this.total;
		}

	}

	/**
	 * One line of the list: {@code class | method | mutator | description [| n]  # why},
	 * {@code n} saying which of several mutants sharing the rest it is (1 is the first in
	 * the method's instruction order).
	 */
	static final class Equivalent {

		final int line;

		final String text;

		final String[] fields;

		final int ordinal;

		boolean used;

		boolean killed;

		/** How many mutants an entry without an ordinal matched at once, if more than one. */
		int ambiguous;

		Equivalent(int line, String text) {
			this.line = line;
			this.text = text;
			this.fields = text.split("\\s*\\|\\s*");
			if ((this.fields.length != 4 && this.fields.length != 5)
					|| (this.fields.length == 5 && !this.fields[4].matches("[1-9][0-9]*"))) {
				throw new IllegalArgumentException("equivalent-mutants.txt line " + line
						+ ": write 'class | method | mutator | description [| n]  # why', not '" + text + "'");
			}
			this.ordinal = (this.fields.length == 5) ? Integer.parseInt(this.fields[4]) : 0;
		}

		static List<Equivalent> read(Path file) throws IOException {
			List<Equivalent> equivalents = new ArrayList<>();
			List<String> lines = Files.readAllLines(file);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).replaceFirst("\\s*#.*$", "").strip();
				if (!line.isEmpty()) {
					equivalents.add(new Equivalent(i + 1, line));
				}
			}
			return equivalents;
		}

		boolean names(String className) {
			return this.fields[0].equals(className);
		}

		boolean matches(Mutant mutant, List<Mutant> siblings) {
			if (!this.fields[0].equals(mutant.className()) || !this.fields[1].equals(mutant.method())
					|| !this.fields[2].equals(mutant.mutatorName()) || !this.fields[3].equals(mutant.description())) {
				return false;
			}
			if (this.ordinal == 0) {
				if (siblings.size() > 1) {
					this.ambiguous = siblings.size();
				}
				return true;
			}
			return this.ordinal <= siblings.size() && siblings.get(this.ordinal - 1) == mutant;
		}

	}

}
