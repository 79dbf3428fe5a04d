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

package dev.s2s.security.inbound;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Ed25519 public keys between their raw 32 bytes (a JWK's {@code x}) and the JDK's X.509
 * encoding.
 *
 * @author s2s-security team
 */
final class Ed25519Keys {

	/** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
	private static final byte[] SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

	private static final int RAW_LENGTH = 32;

	private Ed25519Keys() {
	}

	static PublicKey fromRaw(byte[] raw) throws GeneralSecurityException {
		byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
		System.arraycopy(raw, 0, encoded, SPKI_PREFIX.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
	}

	/** The raw key, or {@code null} when the key is no X.509-encoded Ed25519 key. */
	static byte @Nullable [] raw(PublicKey key) {
		byte[] encoded = key.getEncoded();
		if (encoded == null || encoded.length != SPKI_PREFIX.length + RAW_LENGTH
				|| !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
			return null;
		}
		return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
	}

}
