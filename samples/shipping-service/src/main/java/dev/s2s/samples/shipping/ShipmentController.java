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
package dev.s2s.samples.shipping;

import dev.s2s.security.annotation.ServiceCaller;
import dev.s2s.security.caller.ServiceAuthentication;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipments, for the order service only: whether it proves itself with its SVID, its
 * token or both, the caller is the same {@link ServiceAuthentication}.
 *
 * @author s2s-security team
 */
@RestController
class ShipmentController {

	@PostMapping("/shipments/{orderId}")
	@ServiceCaller("order-service")
	String ship(@PathVariable String orderId, ServiceAuthentication caller) {
		return "shipping " + orderId + " for " + caller.getServiceId() + " (proof: " + caller.getProof().tag() + ")";
	}

}
