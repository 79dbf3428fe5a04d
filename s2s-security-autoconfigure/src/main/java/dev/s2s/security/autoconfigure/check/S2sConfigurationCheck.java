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

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;

import dev.s2s.security.annotation.DelegatedCaller;
import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.annotation.UserCaller;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks the {@code s2s.security} configuration as a whole, whatever is switched on, and
 * fails startup rather than drop a rule: first (before any bean is created) that every
 * key is known and every value can work, then that no path rule and no caller annotation
 * exists while no trusted issuer could verify a caller.
 *
 * @author s2s-security team
 */
final class S2sConfigurationCheck implements BeanFactoryPostProcessor, SmartInitializingSingleton {

	static final String ISSUERS = "s2s.security.inbound.issuers";

	private static final List<Class<? extends Annotation>> CALLER_ANNOTATIONS = List.of(ServiceCaller.class,
			UserCaller.class, DelegatedCaller.class);

	private static final String ADD_AN_ISSUER = "No trusted issuer is configured, so no token is verified and "
			+ "nothing enforces this rule. Set '" + ISSUERS
			+ "[0].issuer-uri: https://idp.example.com/realms/platform'.";

	private final Environment environment;

	private @Nullable ConfigurableListableBeanFactory beans;

	private boolean issuersConfigured;

	S2sConfigurationCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
		this.beans = beans;
		S2sConfigurationTree tree = Binder.get(this.environment)
			.bind("s2s.security", Bindable.ofInstance(new S2sConfigurationTree()),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
			.orElseGet(S2sConfigurationTree::new);
		tree.getInbound().validate();
		tree.getOutbound().validate();
		this.issuersConfigured = !tree.getInbound().getIssuers().isEmpty();
		if (!this.issuersConfigured) {
			if (!tree.getAuthorization().getServicePaths().isEmpty()) {
				throw new InvalidConfigurationPropertyValueException("s2s.security.authorization.service-paths",
						tree.getAuthorization().getServicePaths().size() + " path(s)", ADD_AN_ISSUER);
			}
			if (!tree.getAuthorization().getPublicPaths().isEmpty()) {
				throw new InvalidConfigurationPropertyValueException("s2s.security.authorization.public-paths",
						String.join(",", tree.getAuthorization().getPublicPaths()), ADD_AN_ISSUER);
			}
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.issuersConfigured || this.beans == null) {
			return;
		}
		for (String name : this.beans.getBeanNamesForAnnotation(Controller.class)) {
			Class<?> type = this.beans.getType(name, false);
			if (type != null) {
				callerAnnotation(ClassUtils.getUserClass(type)).ifPresent((where) -> {
					throw new InvalidConfigurationPropertyValueException(ISSUERS, null,
							where + " says who may call. " + ADD_AN_ISSUER);
				});
			}
		}
	}

	private static Optional<String> callerAnnotation(Class<?> type) {
		for (Class<? extends Annotation> annotation : CALLER_ANNOTATIONS) {
			if (AnnotatedElementUtils.hasAnnotation(type, annotation)) {
				return Optional.of("@" + annotation.getSimpleName() + " on " + type.getSimpleName());
			}
		}
		String[] found = new String[1];
		ReflectionUtils.doWithMethods(type, (method) -> {
			for (Class<? extends Annotation> annotation : CALLER_ANNOTATIONS) {
				if (found[0] == null && AnnotatedElementUtils.hasAnnotation(method, annotation)) {
					found[0] = "@" + annotation.getSimpleName() + " on " + type.getSimpleName() + "."
							+ method.getName();
				}
			}
		}, ReflectionUtils.USER_DECLARED_METHODS);
		return Optional.ofNullable(found[0]);
	}

}
