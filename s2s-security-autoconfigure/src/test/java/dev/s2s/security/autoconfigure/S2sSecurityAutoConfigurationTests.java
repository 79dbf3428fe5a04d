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

package dev.s2s.security.autoconfigure;

import dev.s2s.security.ServiceIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link S2sSecurityAutoConfiguration}.
 */
class S2sSecurityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2sSecurityAutoConfiguration.class));

	@Test
	void serviceIdentityIsBoundFromServiceIdProperty() {
		this.contextRunner.withPropertyValues("s2s.security.service-id=inventory-service")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class).serviceId())
				.isEqualTo("inventory-service"));
	}

	@Test
	void serviceIdentityFallsBackToApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=order-service")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class).serviceId())
				.isEqualTo("order-service"));
	}

	@Test
	void serviceIdPropertyWinsOverApplicationName() {
		this.contextRunner
			.withPropertyValues("spring.application.name=app", "s2s.security.service-id=inventory-service")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class).serviceId())
				.isEqualTo("inventory-service"));
	}

	@Test
	void aFeatureThatNeedsTheServiceIdFailsWithInstructionsWhenNoneIsConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(BeanCreationException.class)
				.isThrownBy(() -> context.getBean(ServiceIdentity.class))
				.havingRootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.withMessageContaining("s2s.security.service-id")
				.withMessageContaining("Set 's2s.security.service-id: <this-service>'");
		});
	}

	@Test
	void serviceIdentityBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserServiceIdentityConfiguration.class)
			.withPropertyValues("s2s.security.service-id=ignored")
			.run((context) -> assertThat(context).getBean(ServiceIdentity.class)
				.isSameAs(context.getBean("myIdentity")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserServiceIdentityConfiguration {

		@Bean
		ServiceIdentity myIdentity() {
			return new ServiceIdentity("custom-service");
		}

	}

}
