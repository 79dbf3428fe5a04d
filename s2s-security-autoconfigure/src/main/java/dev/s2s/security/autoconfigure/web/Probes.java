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
package dev.s2s.security.autoconfigure.web;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.s2s.security.authorization.CallerPolicies;
import dev.s2s.security.authorization.ServicePathRules;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests that stand for the s2s rules at startup, one per service-only path and per
 * mapping of a handler with caller annotations, so that the chain the application would
 * hand each to can be checked before any real request arrives. They answer what request
 * matchers ask (method, path, headers, attributes) and nothing else.
 *
 * @author s2s-security team
 */
final class Probes {

	private Probes() {
	}

	/**
	 * A request that a rule governs.
	 *
	 * @param method the HTTP method
	 * @param path a path the rule's pattern matches
	 * @param rule the rule, for the failure message
	 */
	record Probe(String method, String path, String rule) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " (" + this.rule + ")";
		}

	}

	/**
	 * A mapping of a handler method.
	 *
	 * @param methods its HTTP methods, empty for all
	 * @param patterns its path patterns
	 * @param handler the handler method
	 */
	record Mapping(Collection<String> methods, Collection<String> patterns, HandlerMethod handler) {

	}

	static List<Probe> of(ServicePathRules rules, Collection<Mapping> mappings, CallerPolicies policies) {
		List<Probe> probes = new ArrayList<>();
		for (String pattern : rules.servicePathPatterns()) {
			probes.add(new Probe("GET", path(pattern), "service path " + pattern));
		}
		for (Mapping mapping : mappings) {
			String policy = policies.describe(mapping.handler());
			if (policy != null) {
				String method = mapping.methods().isEmpty() ? "GET" : mapping.methods().iterator().next();
				for (String pattern : mapping.patterns()) {
					probes.add(new Probe(method, path(pattern), policy));
				}
			}
		}
		return probes;
	}

	/**
	 * A path the pattern matches: every variable and wildcard becomes {@code x}.
	 */
	static String path(String pattern) {
		String path = pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace('*', 'x').replace('?', 'x');
		return path.isEmpty() ? "/" : path;
	}

	static HttpServletRequest servletRequest(Probe probe) {
		Map<String, @Nullable Object> attributes = new HashMap<>();
		HttpServletMapping mapping = proxy(HttpServletMapping.class, (name, args) -> switch (name) {
			case "getMappingMatch" -> MappingMatch.DEFAULT;
			case "getMatchValue", "getPattern" -> "";
			case "getServletName" -> "dispatcherServlet";
			default -> null;
		});
		return proxy(HttpServletRequest.class, (name, args) -> switch (name) {
			case "getMethod" -> probe.method();
			case "getRequestURI", "getServletPath" -> probe.path();
			case "getContextPath" -> "";
			case "getRequestURL" -> new StringBuffer("http://localhost").append(probe.path());
			case "getScheme" -> "http";
			case "getServerName" -> "localhost";
			case "getServerPort" -> 80;
			case "getDispatcherType" -> DispatcherType.REQUEST;
			case "getHttpServletMapping" -> mapping;
			case "getAttribute" -> attributes.get((String) args[0]);
			case "setAttribute" -> attributes.put((String) args[0], args[1]);
			case "removeAttribute" -> attributes.remove((String) args[0]);
			case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
			case "getHeaders", "getHeaderNames", "getParameterNames" -> Collections.emptyEnumeration();
			case "getParameterMap" -> Map.of();
			case "getLocale" -> Locale.ROOT;
			default -> null;
		});
	}

	static ServerWebExchange exchange(Probe probe) {
		URI uri = URI.create("http://localhost" + probe.path());
		Map<String, Object> attributes = new HashMap<>();
		ServerHttpRequest request = proxy(ServerHttpRequest.class, (name, args) -> switch (name) {
			case "getMethod" -> HttpMethod.valueOf(probe.method());
			case "getURI" -> uri;
			case "getPath" -> RequestPath.parse(uri, null);
			case "getHeaders" -> new HttpHeaders();
			case "getQueryParams", "getCookies" -> new LinkedMultiValueMap<>();
			case "getAttributes" -> attributes;
			case "getId" -> "s2s-startup-check";
			default -> null;
		});
		return proxy(ServerWebExchange.class, (name, args) -> switch (name) {
			case "getRequest" -> request;
			case "getAttributes" -> attributes;
			default -> null;
		});
	}

	@FunctionalInterface
	private interface Answers {

		@Nullable Object answer(String method, @Nullable Object[] args);

	}

	/**
	 * A proxy that answers what it knows, runs default methods (which build on those
	 * answers), and otherwise returns nothing.
	 */
	private static <T> T proxy(Class<T> type, Answers answers) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object[] arguments = (args != null) ? args : new Object[0];
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == arguments[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> type.getSimpleName() + " probe";
				};
			}
			Object answer = answers.answer(method.getName(), arguments);
			if (answer != null || !method.isDefault()) {
				return (answer != null) ? answer : empty(method);
			}
			return InvocationHandler.invokeDefault(proxy, method, arguments);
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static @Nullable Object empty(Method method) {
		Class<?> type = method.getReturnType();
		// The primitive's default value, boxed as the proxy must return it.
		return (type.isPrimitive() && type != void.class) ? Array.get(Array.newInstance(type, 1), 0) : null;
	}

}
