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

import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The TLS context of a named SSL bundle as the registry holds it now: one context per
 * bundle instance, a new one once Boot reloads the bundle ({@code reload-on-update}) or
 * the registry is updated, so that the token endpoint client reconnects with the new
 * certificate.
 *
 * @author s2s-security team
 */
final class BundleSslContext implements Supplier<SSLContext> {

	private static final Log logger = LogFactory.getLog(BundleSslContext.class);

	private final SslBundles bundles;

	private final String name;

	private volatile @Nullable Snapshot snapshot;

	BundleSslContext(SslBundles bundles, String name) {
		this.bundles = bundles;
		this.name = name;
		// Tells Boot the bundle is reloadable here (else it warns on every update).
		bundles.addBundleUpdateHandler(name, (updated) -> logger.info("SSL bundle '" + name
				+ "' was updated: the token endpoint gets its new certificate from the next token request on"));
	}

	@Override
	public SSLContext get() {
		SslBundle bundle = this.bundles.getBundle(this.name);
		Snapshot current = this.snapshot;
		if (current == null || current.bundle() != bundle) {
			current = new Snapshot(bundle, bundle.createSslContext());
			this.snapshot = current;
		}
		return current.context();
	}

	@Override
	public String toString() {
		return "BundleSslContext[" + this.name + "]";
	}

	private record Snapshot(SslBundle bundle, SSLContext context) {

	}

}
