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

import java.time.Clock;
import java.time.Duration;

/**
 * What every token of one issuer shares.
 *
 * @param issuer the {@code iss} value
 * @param keys the issuer's keys
 * @param clock the clock for {@code iat}, {@code exp} and validity checks
 * @param lifetime the default token lifetime
 * @param shape the default token shape
 * @author s2s-security team
 */
record TokenContext(String issuer, KeyRing keys, Clock clock, Duration lifetime, TokenShape shape) {

}
