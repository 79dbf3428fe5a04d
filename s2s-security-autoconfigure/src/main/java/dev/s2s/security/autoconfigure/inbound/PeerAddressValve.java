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
package dev.s2s.security.autoconfigure.inbound;

import java.io.IOException;

import dev.s2s.security.web.PeerAddresses;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Records the TCP peer's address ({@link Request#getPeerAddr()}, which no
 * {@code RemoteIpValve} rewrites) in {@link PeerAddresses#ATTRIBUTE}, so that forwarded
 * client certificates are trusted by who connected, not by what a header claims.
 *
 * @author s2s-security team
 */
final class PeerAddressValve extends ValveBase {

	PeerAddressValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(PeerAddresses.ATTRIBUTE, request.getPeerAddr());
		getNext().invoke(request, response);
	}

}
