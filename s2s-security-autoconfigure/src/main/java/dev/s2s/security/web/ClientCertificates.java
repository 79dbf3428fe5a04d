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
package dev.s2s.security.web;

import java.security.cert.X509Certificate;

import dev.s2s.security.workload.CertificateThumbprint;
import dev.s2s.security.workload.RejectedCertificateException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * What both stacks' certificate adapters share.
 *
 * @author s2s-security team
 */
final class ClientCertificates {

	private ClientCertificates() {
	}

	/**
	 * The failure an event carries: a {@link BadCredentialsException} (as Spring's X.509
	 * support throws, and which Spring's event publisher maps to
	 * {@code AuthenticationFailureBadCredentialsEvent}) caused by the rejection, which
	 * tells the reason.
	 */
	static AuthenticationException failure(RejectedCertificateException rejected) {
		return new BadCredentialsException(rejected.getMessage(), rejected);
	}

	/**
	 * The attempt a failure event names: the token's caller, or the certificate by its
	 * thumbprint ({@code certificate-sha256:...}, as Spring's X.509 support names a
	 * pre-authenticated principal), never its content.
	 */
	static Authentication attempt(@Nullable Authentication current, @Nullable X509Certificate certificate) {
		if (current != null && current.isAuthenticated()) {
			return current;
		}
		String name = (certificate != null) ? "certificate-sha256:" + CertificateThumbprint.of(certificate)
				: "no-certificate";
		return new PreAuthenticatedAuthenticationToken(name, "");
	}

}
