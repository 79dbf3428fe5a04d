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

package dev.s2s.security;

import org.springframework.util.Assert;

/**
 * The identity of this service: the audience inbound tokens must carry and the client id
 * it uses when it asks for tokens of its own.
 *
 * @param serviceId the service id, never empty
 * @author s2s-security team
 * @since 0.1.0
 */
public record ServiceIdentity(String serviceId) {

	/**
	 * Check the identity.
	 * @param serviceId the service id, not empty
	 */
	public ServiceIdentity {
		Assert.hasText(serviceId, "serviceId cannot be empty");
	}

}
