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

package dev.s2s.security.test.autoconfigure;

import java.util.List;
import java.util.Optional;

import dev.s2s.security.caller.IdentityProvider;
import dev.s2s.security.test.FakeTokenIssuer;
import dev.s2s.security.test.RecordingTarget;
import dev.s2s.security.test.SigningAlgorithm;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.Assert;

/**
 * Starts the issuer, registers it as a bean that closes with the context, puts the
 * properties pointing at it first in the environment, and registers the application's
 * outbound client. A record: equal settings share a cached context.
 *
 * <p>
 * The work is done when the context starts refreshing, not when the customizer runs, so
 * that it sees the properties other customizers add, whatever their order:
 * {@code @DynamicPropertySource} methods (a {@link RecordingTarget}'s base URL, say) are
 * applied by Spring's own customizer.
 *
 * @author s2s-security team
 */
record FakeTokenIssuerContextCustomizer(IdentityProvider provider, List<SigningAlgorithm> algorithms,
		String issuerPath) implements ContextCustomizer {

	static final String BEAN_NAME = "fakeTokenIssuer";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		Assert.isInstanceOf(BeanDefinitionRegistry.class, context,
				"@AutoConfigureFakeTokenIssuer needs a context that accepts bean definitions");
		context.addBeanFactoryPostProcessor(new Registrar(context.getEnvironment()));
	}

	private void register(ConfigurableEnvironment environment, BeanDefinitionRegistry registry) {
		IssuerProperties properties = new IssuerProperties(environment);
		IdentityProvider effective = properties.provider(this.provider);
		Optional<IssuerProperties.Client> client = properties.outboundClient();
		FakeTokenIssuer issuer = start(effective);
		RootBeanDefinition definition = new RootBeanDefinition(FakeTokenIssuer.class, () -> issuer);
		definition.setDestroyMethodName("close");
		registry.registerBeanDefinition(BEAN_NAME, definition);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME, properties.pointingAt(issuer, effective, client)));
		client.ifPresent((registered) -> issuer.registerClient(registered.id(), registered.secret()));
	}

	private FakeTokenIssuer start(IdentityProvider provider) {
		Assert.notEmpty(this.algorithms, "@AutoConfigureFakeTokenIssuer needs at least one algorithm");
		FakeTokenIssuer.Builder builder = FakeTokenIssuer.builder().provider(provider);
		builder.algorithms(this.algorithms.get(0),
				this.algorithms.subList(1, this.algorithms.size()).toArray(SigningAlgorithm[]::new));
		if (!this.issuerPath.isEmpty()) {
			builder.issuerPath(this.issuerPath);
		}
		return builder.start();
	}

	/**
	 * Runs first in the refresh: programmatically added registry post-processors precede
	 * those of bean definitions, so the properties are in place before any configuration
	 * class or condition reads them.
	 */
	private final class Registrar implements BeanDefinitionRegistryPostProcessor {

		private final ConfigurableEnvironment environment;

		Registrar(ConfigurableEnvironment environment) {
			this.environment = environment;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			register(this.environment, registry);
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

	}

}
