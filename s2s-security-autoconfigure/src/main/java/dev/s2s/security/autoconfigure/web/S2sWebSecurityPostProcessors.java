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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.security.config.ObjectPostProcessor;

/**
 * Spring Security's post-processors of the managers it builds (which add its observations
 * when an {@code ObservationRegistry} exists, as its {@code SecurityObservationSettings}
 * say), for the managers s2s-security builds.
 *
 * @author s2s-security team
 */
final class S2sWebSecurityPostProcessors {

	private S2sWebSecurityPostProcessors() {
	}

	static <T> ObjectPostProcessor<T> of(ApplicationContext context, ResolvableType managerType) {
		ObjectProvider<ObjectPostProcessor<T>> postProcessors = context
			.getBeanProvider(ResolvableType.forClassWithGenerics(ObjectPostProcessor.class, managerType));
		return postProcessors.getIfUnique(ObjectPostProcessor::identity);
	}

}
