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

package dev.s2s.security.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocketFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.SelfSignedTLSClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How this service authenticates to the token endpoint: {@code client_secret_basic},
 * {@code client_secret_post}, {@code private_key_jwt}, or by its client certificate,
 * {@code tls_client_auth} and {@code self_signed_tls_client_auth}. Secrets and keys come
 * from suppliers, asked once per token request, so a rotated secret file is picked up.
 * The {@link #toString()} shows the client id and the method, never the secret.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class ClientCredentials {

	private final String clientId;

	private final String method;

	private final Function<URI, ClientAuthentication> authentication;

	private ClientCredentials(String clientId, String method, Function<URI, ClientAuthentication> authentication) {
		Assert.hasText(clientId, "clientId cannot be empty");
		this.clientId = clientId;
		this.method = method;
		this.authentication = authentication;
	}

	/**
	 * HTTP Basic client authentication ({@code client_secret_basic}).
	 * @param clientId the client id
	 * @param secret supplies the client secret
	 * @return the credentials
	 */
	public static ClientCredentials clientSecretBasic(String clientId, Supplier<String> secret) {
		Assert.notNull(secret, "secret cannot be null");
		return new ClientCredentials(clientId, "client_secret_basic",
				(tokenUri) -> new ClientSecretBasic(new ClientID(clientId), secret(secret)));
	}

	/**
	 * Client id and secret in the request body ({@code client_secret_post}).
	 * @param clientId the client id
	 * @param secret supplies the client secret
	 * @return the credentials
	 */
	public static ClientCredentials clientSecretPost(String clientId, Supplier<String> secret) {
		Assert.notNull(secret, "secret cannot be null");
		return new ClientCredentials(clientId, "client_secret_post",
				(tokenUri) -> new ClientSecretPost(new ClientID(clientId), secret(secret)));
	}

	/**
	 * A JWT signed with this service's private key ({@code private_key_jwt}, RFC 7523):
	 * no shared secret exists. RSA keys sign with RS256, EC keys with the ES algorithm of
	 * their curve.
	 * @param clientId the client id
	 * @param key supplies the RSA or EC private key
	 * @param keyId the key id sent as {@code kid}, or {@code null}
	 * @return the credentials
	 */
	public static ClientCredentials privateKeyJwt(String clientId, Supplier<PrivateKey> key, @Nullable String keyId) {
		Assert.notNull(key, "key cannot be null");
		return new ClientCredentials(clientId, "private_key_jwt",
				(tokenUri) -> signedAssertion(clientId, tokenUri, key.get(), keyId));
	}

	/**
	 * Mutual-TLS client authentication with a certificate issued by a certificate
	 * authority the identity provider trusts ({@code tls_client_auth}, RFC 8705 section
	 * 2.1): the request carries only the client id, the certificate is the TLS context's
	 * (see {@link ServiceTokens.Builder#sslContext(Supplier)}), and no secret exists.
	 * @param clientId the client id
	 * @return the credentials
	 */
	public static ClientCredentials tlsClientAuth(String clientId) {
		return new ClientCredentials(clientId, "tls_client_auth",
				(tokenUri) -> new PKITLSClientAuthentication(new ClientID(clientId), (SSLSocketFactory) null));
	}

	/**
	 * Mutual-TLS client authentication with a self-signed certificate registered with the
	 * identity provider ({@code self_signed_tls_client_auth}, RFC 8705 section 2.2): as
	 * {@link #tlsClientAuth(String)}, the provider checking the certificate against the
	 * client's registered keys instead of a chain.
	 * @param clientId the client id
	 * @return the credentials
	 */
	public static ClientCredentials selfSignedTlsClientAuth(String clientId) {
		return new ClientCredentials(clientId, "self_signed_tls_client_auth",
				(tokenUri) -> new SelfSignedTLSClientAuthentication(new ClientID(clientId), (SSLSocketFactory) null));
	}

	/**
	 * Reads a secret from a file (such as a mounted Kubernetes secret), again whenever
	 * the file changes. Surrounding whitespace is ignored.
	 * @param file the file
	 * @return a supplier of the file's current content
	 */
	public static Supplier<String> secretFile(Path file) {
		Assert.notNull(file, "file cannot be null");
		return new FileContent<>(file, (content) -> content.strip());
	}

	/**
	 * Reads a private key from a PEM file (PKCS#8 {@code BEGIN PRIVATE KEY}, RSA or EC)
	 * or a JWK file, again whenever the file changes.
	 * @param file the file
	 * @return a supplier of the current key
	 */
	public static Supplier<PrivateKey> keyFile(Path file) {
		Assert.notNull(file, "file cannot be null");
		return new FileContent<>(file, ClientCredentials::parseKey);
	}

	/**
	 * Return the client id.
	 * @return the client id
	 */
	public String getClientId() {
		return this.clientId;
	}

	ClientAuthentication authentication(URI tokenUri) {
		return this.authentication.apply(tokenUri);
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + ", method=" + this.method + "]";
	}

	private static Secret secret(Supplier<String> secret) {
		String value = secret.get();
		if (value == null || value.isEmpty()) {
			throw new ServiceTokenException("The client secret is empty");
		}
		return new Secret(value);
	}

	private static PrivateKeyJWT signedAssertion(String clientId, URI tokenUri, PrivateKey key,
			@Nullable String keyId) {
		JWSAlgorithm algorithm;
		if (key instanceof RSAPrivateKey) {
			algorithm = JWSAlgorithm.RS256;
		}
		else if (key instanceof ECPrivateKey ec) {
			algorithm = switch (ec.getParams().getCurve().getField().getFieldSize()) {
				case 256 -> JWSAlgorithm.ES256;
				case 384 -> JWSAlgorithm.ES384;
				default -> JWSAlgorithm.ES512;
			};
		}
		else {
			throw new ServiceTokenException("private_key_jwt needs an RSA or EC private key");
		}
		try {
			return new PrivateKeyJWT(new ClientID(clientId), tokenUri, algorithm, key, keyId, null);
		}
		catch (JOSEException ex) {
			throw new ServiceTokenException("Could not sign the client assertion with the private key");
		}
	}

	private static PrivateKey parseKey(String content) {
		try {
			if (content.strip().startsWith("{")) {
				JWK jwk = JWK.parse(content);
				if (!jwk.isPrivate()) {
					throw new ServiceTokenException("The key file holds no private key");
				}
				return (jwk instanceof RSAKey rsa) ? rsa.toPrivateKey() : ((ECKey) jwk).toPrivateKey();
			}
			String base64 = content.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
			try {
				return KeyFactory.getInstance("RSA").generatePrivate(spec);
			}
			catch (InvalidKeySpecException ex) {
				return KeyFactory.getInstance("EC").generatePrivate(spec);
			}
		}
		catch (ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException
				| ClassCastException ex) {
			// No cause: parser messages may quote key material.
			throw new ServiceTokenException("The key file is neither a PKCS#8 PEM private key nor a private JWK");
		}
	}

	/**
	 * A file's parsed content, re-read when its modification time or size changes.
	 */
	private static final class FileContent<T> implements Supplier<T> {

		private final Path file;

		private final Function<String, T> parser;

		private volatile @Nullable Snapshot<T> snapshot;

		FileContent(Path file, Function<String, T> parser) {
			this.file = file;
			this.parser = parser;
		}

		@Override
		public T get() {
			try {
				FileTime modified = Files.getLastModifiedTime(this.file);
				long size = Files.size(this.file);
				Snapshot<T> current = this.snapshot;
				if (current != null && current.modified().equals(modified) && current.size() == size) {
					return current.value();
				}
				T value = this.parser.apply(Files.readString(this.file, StandardCharsets.UTF_8));
				this.snapshot = new Snapshot<>(modified, size, value);
				return value;
			}
			catch (IOException | UncheckedIOException ex) {
				throw new ServiceTokenException("Could not read the credentials file " + this.file.getFileName());
			}
		}

		@Override
		public String toString() {
			return "FileContent[" + this.file.getFileName() + "]";
		}

		private record Snapshot<T>(FileTime modified, long size, T value) {

		}

	}

}
