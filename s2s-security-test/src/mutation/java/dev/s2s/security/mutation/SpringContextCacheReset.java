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

package dev.s2s.security.mutation;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pitest.mutationtest.environment.EnvironmentResetPlugin;
import org.pitest.mutationtest.environment.ResetEnvironment;

import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.ContextCache;

/**
 * Closes every application context the Spring TestContext framework cached before PIT
 * runs the tests of the next mutant.
 * <p>
 * PIT runs many mutants in one JVM. Without this, a context built while one mutant was
 * active (its beans constructed by the mutated code) would serve the tests of the next
 * mutant: a mutant in start-up code would survive unseen, and a broken context would
 * "kill" mutants it has nothing to do with. The cost is one context start per mutant
 * whose covering tests need a context.
 */
public final class SpringContextCacheReset implements EnvironmentResetPlugin {

	@Override
	public ResetEnvironment make() {
		ContextCache cache = defaultContextCache();
		return (mutant) -> closeAll(cache);
	}

	@Override
	public String description() {
		return "Close the Spring test context cache before each mutant";
	}

	private static void closeAll(ContextCache cache) {
		if (cache.size() == 0) {
			return;
		}
		for (MergedContextConfiguration key : cachedKeys(cache)) {
			cache.remove(key, HierarchyMode.EXHAUSTIVE);
		}
		// Failure counts too: a context that failed under one mutant must be tried again.
		cache.reset();
	}

	// The static cache and its keys are not public; this is a build tool, not library code.
	private static ContextCache defaultContextCache() {
		try {
			Class<?> delegate = Class
				.forName("org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate");
			return (ContextCache) accessible(delegate.getDeclaredField("defaultContextCache")).get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Spring's test context cache is not where this reset expects it", ex);
		}
	}

	private static List<MergedContextConfiguration> cachedKeys(ContextCache cache) {
		try {
			Map<?, ?> contexts = (Map<?, ?>) accessible(cache.getClass().getDeclaredField("contextMap")).get(cache);
			synchronized (contexts) {
				List<MergedContextConfiguration> keys = new ArrayList<>();
				contexts.keySet().forEach((key) -> keys.add((MergedContextConfiguration) key));
				return keys;
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Spring's test context cache is not where this reset expects it", ex);
		}
	}

	private static Field accessible(Field field) {
		field.setAccessible(true);
		return field;
	}

}
