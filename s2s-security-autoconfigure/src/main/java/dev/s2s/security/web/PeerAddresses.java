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

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * The TCP peer of a request: the address of the connection itself, never the client
 * address a forward-headers strategy ({@code RemoteIpValve},
 * {@code ForwardedHeaderFilter}, {@code ForwardedHeaderTransformer}, Reactor Netty's
 * forwarded support) rewrote from headers anyone can send. Known on Tomcat, where
 * s2s-security's valve records it in {@value #ATTRIBUTE} before any other valve runs, and
 * on Reactor Netty, from the connection's channel; elsewhere it is unknown, and a request
 * from an unknown peer is never from a trusted proxy.
 *
 * @author s2s-security team
 * @since 0.4.0
 */
public final class PeerAddresses {

	/** The request attribute that holds the TCP peer's address, on Tomcat. */
	public static final String ATTRIBUTE = "dev.s2s.security.web.PeerAddresses.peer";

	private static final boolean NETTY = ClassUtils.isPresent("reactor.netty.Connection",
			PeerAddresses.class.getClassLoader());

	private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.ServletRequest",
			PeerAddresses.class.getClassLoader());

	private PeerAddresses() {
	}

	static @Nullable String of(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String peer) ? peer : null;
	}

	static @Nullable String of(ServerHttpRequest request) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		if (NETTY) {
			String peer = NettyPeer.of(nativeRequest);
			if (peer != null) {
				return peer;
			}
		}
		return (SERVLET && nativeRequest instanceof ServletRequest servlet) ? of(servlet) : null;
	}

	static @Nullable String address(@Nullable SocketAddress address) {
		return (address instanceof InetSocketAddress inet && inet.getAddress() != null)
				? inet.getAddress().getHostAddress() : null;
	}

	/**
	 * Loaded only with Reactor Netty.
	 */
	private static final class NettyPeer {

		static @Nullable String of(Object nativeRequest) {
			return (nativeRequest instanceof reactor.netty.Connection connection)
					? address(connection.channel().remoteAddress()) : null;
		}

	}

}
