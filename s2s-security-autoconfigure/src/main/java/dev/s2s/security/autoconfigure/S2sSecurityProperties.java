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

package dev.s2s.security.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties shared by every s2s-security feature.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@ConfigurationProperties("s2s.security")
public class S2sSecurityProperties {

	/**
	 * Identifier of this service: the audience inbound tokens must carry and the client
	 * id used for outbound tokens. Falls back to 'spring.application.name'.
	 */
	private @Nullable String serviceId;

	/**
	 * Identifier of this service: the audience inbound tokens must carry and the client
	 * id used for outbound tokens.
	 * @return the service id, or {@code null} to use {@code spring.application.name}
	 */
	public @Nullable String getServiceId() {
		return this.serviceId;
	}

	/**
	 * Set the identifier of this service.
	 * @param serviceId the service id
	 */
	public void setServiceId(@Nullable String serviceId) {
		this.serviceId = serviceId;
	}

}
