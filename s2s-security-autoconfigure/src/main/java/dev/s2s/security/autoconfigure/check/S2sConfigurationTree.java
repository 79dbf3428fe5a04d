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

import dev.s2s.security.autoconfigure.S2sSecurityProperties;
import dev.s2s.security.autoconfigure.authorization.S2sAuthorizationProperties;
import dev.s2s.security.autoconfigure.inbound.S2sInboundProperties;
import dev.s2s.security.autoconfigure.outbound.S2sOutboundProperties;

/**
 * The whole {@code s2s.security} tree as one type, for the startup check that no key is
 * unknown: each feature binds only its own part, and only when it is on, so a misspelt
 * key (or a typo inside {@code issuers[0]} that switches inbound off) would otherwise be
 * dropped without a word.
 *
 * @author s2s-security team
 */
class S2sConfigurationTree extends S2sSecurityProperties {

	private final S2sInboundProperties inbound = new S2sInboundProperties();

	private final S2sOutboundProperties outbound = new S2sOutboundProperties();

	private final S2sAuthorizationProperties authorization = new S2sAuthorizationProperties();

	public S2sInboundProperties getInbound() {
		return this.inbound;
	}

	public S2sOutboundProperties getOutbound() {
		return this.outbound;
	}

	public S2sAuthorizationProperties getAuthorization() {
		return this.authorization;
	}

}
