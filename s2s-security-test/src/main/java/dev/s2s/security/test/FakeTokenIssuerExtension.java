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

package dev.s2s.security.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeTokenIssuer} for a JUnit test without a Spring context, started when the
 * extension is made and closed after use:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FakeTokenIssuerExtension idp = new FakeTokenIssuerExtension();
 *
 * &#64;Test
 * void tokensVerify() {
 *     String token = idp.issuer().serviceToken("order-service").audience("inventory-service").sign();
 *     // ... decode it with a JwtDecoder pointed at idp.issuer().issuerUri() ...
 * }
 * </pre>
 *
 * <p>
 * On a static field the issuer serves the whole class: after each test it is
 * {@linkplain FakeTokenIssuer#reset() reset} (faults and the request log; keys and
 * clients stay), and after the class it is closed. On an instance field each test gets
 * its own issuer, closed after the test. In a Spring test use
 * {@link dev.s2s.security.test.autoconfigure.AutoConfigureFakeTokenIssuer @AutoConfigureFakeTokenIssuer}
 * instead, which also points the application at the issuer.
 *
 * <p>
 * The issuer itself does not depend on JUnit (it also runs in Spring's test context
 * framework with any test engine, and as a local identity provider), hence this separate
 * extension.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class FakeTokenIssuerExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private final FakeTokenIssuer.Builder builder;

	private volatile FakeTokenIssuer issuer;

	private final ExtensionLifecycle lifecycle = new ExtensionLifecycle(this::reopen, () -> this.issuer.reset(),
			() -> this.issuer.close());

	/**
	 * Starts an issuer with the defaults of {@link FakeTokenIssuer#start()}.
	 */
	public FakeTokenIssuerExtension() {
		this(FakeTokenIssuer.builder());
	}

	/**
	 * Starts an issuer configured by a builder, for example
	 * {@code new FakeTokenIssuerExtension(FakeTokenIssuer.builder().provider(IdentityProvider.KEYCLOAK))}.
	 * The builder is kept: should a run of the class in the same JVM have closed the
	 * issuer (Surefire's {@code rerunFailingTestsCount}), a new one, with new keys, is
	 * started from it on the same port before the class.
	 * @param builder the builder
	 */
	public FakeTokenIssuerExtension(FakeTokenIssuer.Builder builder) {
		this.builder = Args.notNull(builder, "builder");
		this.issuer = builder.start();
	}

	/**
	 * The running issuer. Ask again in each test rather than keeping it: a rerun of the
	 * class gets a new one.
	 * @return the issuer
	 */
	public FakeTokenIssuer issuer() {
		return this.issuer;
	}

	/**
	 * JUnit callback: notes that the issuer serves the whole class, and starts a new one
	 * on the same port if a run of the class in the same JVM closed it.
	 * @param context the class's context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		this.lifecycle.beforeAll(context);
	}

	/**
	 * JUnit callback: resets an issuer that serves the class, closes one that served the
	 * test.
	 * @param context the test's context
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		this.lifecycle.afterEach(context);
	}

	/**
	 * JUnit callback: closes the issuer after the class that registered it.
	 * @param context the class's context
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		this.lifecycle.afterAll(context);
	}

	private synchronized void reopen() {
		if (this.issuer.isClosed()) {
			this.issuer = this.builder.port(this.issuer.issuerUri().getPort()).start();
		}
	}

	@Override
	public String toString() {
		return "FakeTokenIssuerExtension " + this.issuer.issuerUri();
	}

}
