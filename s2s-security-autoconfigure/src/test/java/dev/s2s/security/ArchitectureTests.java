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
package dev.s2s.security;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.web.server.WebFilter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Rules the library's own code must keep, checked on its classes.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.s2s.security");

	/**
	 * Spring Security applies every {@code Customizer<HttpSecurity>} or
	 * {@code Customizer<ServerHttpSecurity>} bean (and the publishers) to every chain of
	 * the application, and Spring Boot registers every {@code Filter} bean, as every
	 * {@code WebFilter} bean runs, for every request: s2s-security must change only its
	 * own chains and those the user applies it to.
	 */
	@Test
	void noBeanChangesWhatTheApplicationOwns() {
		DescribedPredicate<JavaClass> global = assignableTo(Customizer.class).or(assignableTo(WebFilter.class))
			.or(assignableTo(Filter.class))
			.or(assignableTo(AuthorizationEventPublisher.class))
			.or(assignableTo(AuthenticationEventPublisher.class));
		noMethods().that()
			.areAnnotatedWith(Bean.class)
			.should()
			.haveRawReturnType(global)
			.because("such beans apply to every chain or request of the application")
			.check(MAIN);
	}

	@Test
	void autoConfigurationsArePublicFinalEntryPoints() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
			.check(MAIN);
	}

	@Test
	void conditionsAreNotPublic() {
		classes().that().areAssignableTo(SpringBootCondition.class).should().notBePublic().check(MAIN);
	}

	@Test
	void autoConfigurationsHaveNoPublicMembers() {
		members().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(AutoConfiguration.class)
			.and(DescribedPredicate.describe("are not implicit constructors",
					(member) -> !(member instanceof JavaConstructor constructor
							&& constructor.getRawParameterTypes().isEmpty())))
			.should()
			.notBePublic()
			.because("an auto-configuration is an entry point for Spring Boot, not an API")
			.check(MAIN);
	}

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("dev.s2s.security.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theLibraryNeverDependsOnItsAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("dev.s2s.security.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.s2s.security.autoconfigure..")
			.because("the library must work without Spring Boot's auto-configuration, wired by hand")
			.check(MAIN);
	}

}
