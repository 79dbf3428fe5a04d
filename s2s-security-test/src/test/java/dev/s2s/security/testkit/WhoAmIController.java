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

package dev.s2s.security.testkit;

import java.util.TreeSet;

import dev.s2s.security.caller.CallerAuthentication;
import dev.s2s.security.caller.DelegatedAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Describes its caller, on the servlet and the reactive stack.
 */
@RestController
public class WhoAmIController {

	@GetMapping("/whoami")
	String whoAmI(CallerAuthentication caller) {
		return describe(caller);
	}

	@GetMapping("/stock/{id}")
	String stock(@PathVariable String id, CallerAuthentication caller) {
		return "stock " + id + " for " + caller.getName();
	}

	public static String describe(CallerAuthentication caller) {
		String via = (caller instanceof DelegatedAuthentication delegated) ? " via " + delegated.getServiceId() : "";
		return caller.getClass().getSimpleName() + " " + caller.getName() + via + " "
				+ new TreeSet<>(caller.getScopes());
	}

}
