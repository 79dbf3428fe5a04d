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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;

/**
 * The clients (request factories or connectors) that carry requests to targets, all built
 * by the application's builder with the application's settings, changed only where the
 * target needs it: no redirects when the application follows them
 * ({@link TargetRedirects}), and the target's client certificate
 * ({@link TargetCertificates}). A target's client is rebuilt when the registry holds a
 * new instance of its bundle, so a rotated certificate is presented from the next
 * connection on.
 *
 * @param <C> the client type
 * @author s2s-security team
 */
final class TargetClients<C> {

	private final C others;

	private final Function<HttpClientSettings, C> builder;

	private final HttpClientSettings settings;

	private final boolean followRedirects;

	private final TargetCertificates certificates;

	private final C withoutCertificate;

	private final Map<String, Built<C>> withCertificate = new ConcurrentHashMap<>();

	TargetClients(C others, Function<HttpClientSettings, C> builder, HttpClientSettings settings,
			TargetCertificates certificates) {
		this.others = others;
		this.builder = builder;
		this.followRedirects = TargetRedirects.needed(settings);
		this.settings = this.followRedirects ? TargetRedirects.dontFollow(settings) : settings;
		this.certificates = certificates;
		this.withoutCertificate = this.followRedirects ? builder.apply(this.settings) : others;
	}

	/**
	 * Whether these clients change anything: otherwise the application's client is used
	 * as is.
	 */
	static boolean needed(HttpClientSettings settings, TargetCertificates certificates) {
		return TargetRedirects.needed(settings) || !certificates.isEmpty();
	}

	/**
	 * Whether the application's client follows redirects, so that redirects between a
	 * target's URLs are followed here.
	 */
	boolean followRedirects() {
		return this.followRedirects;
	}

	/**
	 * The client for other URLs: the application's, unchanged.
	 */
	C others() {
		return this.others;
	}

	/**
	 * The client for a target's URLs.
	 */
	C forTarget(String target) {
		SslBundle bundle = this.certificates.bundle(target);
		if (bundle == null) {
			return this.withoutCertificate;
		}
		Built<C> built = this.withCertificate.get(target);
		if (built == null || built.bundle() != bundle) {
			built = this.withCertificate.compute(target,
					(name, existing) -> (existing != null && existing.bundle() == bundle) ? existing
							: new Built<>(bundle, this.builder.apply(this.settings.withSslBundle(bundle))));
		}
		return built.client();
	}

	private record Built<C>(SslBundle bundle, C client) {

	}

	@Override
	public String toString() {
		return "TargetClients[followRedirects=" + this.followRedirects + "]";
	}

}
