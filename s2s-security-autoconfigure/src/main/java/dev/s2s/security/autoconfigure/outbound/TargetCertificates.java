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
package dev.s2s.security.autoconfigure.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The client certificates of targets:
 * {@code s2s.security.outbound.targets.<name>.ssl-bundle}, looked up in Boot's
 * {@link SslBundles} at every connection a client makes, so a bundle that Boot reloads
 * ({@code reload-on-update}) or that is updated in the registry is used from the next
 * connection on. Checked at startup: an unknown bundle, or an {@code @HttpExchange} group
 * named after the target whose {@code spring.http.serviceclient.<group>.ssl.bundle} names
 * another bundle, fails it.
 *
 * @author s2s-security team
 */
final class TargetCertificates {

	private static final Log logger = LogFactory.getLog(TargetCertificates.class);

	static final TargetCertificates NONE = new TargetCertificates(Map.of(), null);

	private static final String PREFIX = "s2s.security.outbound.targets.";

	private final Map<String, String> bundleNames;

	private final @Nullable SslBundles bundles;

	private TargetCertificates(Map<String, String> bundleNames, @Nullable SslBundles bundles) {
		this.bundleNames = bundleNames;
		this.bundles = bundles;
	}

	static TargetCertificates of(S2sOutboundProperties properties, @Nullable SslBundles bundles,
			Environment environment) {
		Map<String, String> names = new LinkedHashMap<>();
		Binder binder = Binder.get(environment);
		properties.getTargets().forEach((target, settings) -> {
			String key = PREFIX + target + ".ssl-bundle";
			String bundle = settings.getSslBundle();
			if (bundle == null) {
				return;
			}
			String groupKey = "spring.http.serviceclient." + target + ".ssl.bundle";
			// A target name that is no valid property name segment cannot name a group.
			String group = ConfigurationPropertyName.isValid(groupKey)
					? binder.bind(groupKey, String.class).orElse(null) : null;
			if (!StringUtils.hasText(bundle)) {
				throw new InvalidConfigurationPropertyValueException(key, bundle,
						"Name a bundle of 'spring.ssl.bundle', or remove the property.");
			}
			if (bundles == null || !bundles.getBundleNames().contains(bundle)) {
				throw new InvalidConfigurationPropertyValueException(key, bundle,
						"There is no SSL bundle '" + bundle + "'. Define it under 'spring.ssl.bundle.pem." + bundle
								+ "' (or '.jks." + bundle + "'), or name an existing one.");
			}
			if (group != null && !group.equals(bundle)) {
				throw new InvalidConfigurationPropertyValueException(key, bundle,
						"The @HttpExchange group '" + target + "' uses another bundle ('" + groupKey + ": " + group
								+ "'), so the target's requests would present one certificate or the other depending "
								+ "on the client. Name the same bundle in both, or set only '" + key + "'.");
			}
			names.put(target, bundle);
			// Tells Boot the bundle is reloadable here (else it warns on every update).
			bundles.addBundleUpdateHandler(bundle,
					(updated) -> logger.info("SSL bundle '" + bundle + "' was updated: target '" + target
							+ "' presents its new certificate from the next connection on"));
		});
		return names.isEmpty() ? NONE : new TargetCertificates(Map.copyOf(names), bundles);
	}

	boolean isEmpty() {
		return this.bundleNames.isEmpty();
	}

	/**
	 * The target's bundle as the registry holds it now, or {@code null} when the target
	 * has none.
	 */
	@Nullable SslBundle bundle(String target) {
		String name = this.bundleNames.get(target);
		if (name == null || this.bundles == null) {
			return null;
		}
		try {
			return this.bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			// Checked at startup; a registry cannot drop a bundle. Never fall back to no
			// certificate silently.
			throw new IllegalStateException("SSL bundle '" + name + "' of target '" + target + "' is gone", ex);
		}
	}

}
