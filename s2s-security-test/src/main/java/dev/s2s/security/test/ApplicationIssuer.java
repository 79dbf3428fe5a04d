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

import dev.s2s.security.ServiceIdentity;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.CallerClassifier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The test application's fake issuer and audience: mints a caller's token and, for the
 * security-context annotations, authenticates it the way the application would.
 *
 * @author s2s-security team
 */
final class ApplicationIssuer {

	private final ApplicationContext context;

	private final FakeTokenIssuer issuer;

	private ApplicationIssuer(ApplicationContext context, FakeTokenIssuer issuer) {
		this.context = context;
		this.issuer = issuer;
	}

	static ApplicationIssuer of(ApplicationContext context) {
		FakeTokenIssuer issuer = context.getBeanProvider(FakeTokenIssuer.class).getIfUnique();
		if (issuer == null) {
			throw new IllegalStateException("No FakeTokenIssuer bean in the test's application context: annotate "
					+ "the test class with @AutoConfigureFakeTokenIssuer, @S2sWebMvcTest or @S2sWebFluxTest");
		}
		return new ApplicationIssuer(context, issuer);
	}

	/**
	 * For helpers that cannot reach the application context otherwise.
	 */
	static ApplicationIssuer current() {
		return of(CurrentTestContext.applicationContext());
	}

	FakeTokenIssuer issuer() {
		return this.issuer;
	}

	String token(TestCaller caller) {
		return caller.sign(this.issuer, audience());
	}

	TokenBuilder builder(TestCaller caller) {
		return caller.builder(this.issuer, audience());
	}

	/**
	 * Decodes with the application's decoder and classifies with its classifier, as a
	 * request would be.
	 */
	CallerAuthentication authenticate(TestCaller caller) {
		String token = token(caller);
		return bean(CallerClassifier.class).convert(decode(token));
	}

	/**
	 * The first audience of the trusted issuer that is the fake, else the service id.
	 */
	String audience() {
		String issuerUri = this.issuer.issuerUri().toString();
		S2sInboundProperties inbound = this.context.getBeanProvider(S2sInboundProperties.class).getIfUnique();
		if (inbound != null) {
			for (S2sInboundProperties.Issuer trusted : inbound.getIssuers()) {
				if (issuerUri.equals(trusted.getIssuerUri()) && !trusted.getAudiences().isEmpty()) {
					return trusted.getAudiences().get(0);
				}
			}
		}
		return bean(ServiceIdentity.class).serviceId();
	}

	private Jwt decode(String token) {
		JwtDecoder decoder = this.context.getBeanProvider(JwtDecoder.class).getIfUnique();
		if (decoder != null) {
			return decoder.decode(token);
		}
		Jwt jwt = bean(ReactiveJwtDecoder.class).decode(token).block();
		if (jwt == null) {
			throw new IllegalStateException("The application's ReactiveJwtDecoder returned no token");
		}
		return jwt;
	}

	private <T> T bean(Class<T> type) {
		T bean = this.context.getBeanProvider(type).getIfUnique();
		if (bean == null) {
			throw new IllegalStateException("No unique " + type.getSimpleName()
					+ " bean in the test's application context: s2s-security's inbound auto-configuration did not "
					+ "run. Does the application configure 's2s.security.service-id' (or 'spring.application.name')?");
		}
		return bean;
	}

}
