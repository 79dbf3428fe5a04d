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
package dev.s2s.security.autoconfigure.authorization;

import java.util.ArrayList;
import java.util.List;

import dev.s2s.security.authorization.UnannotatedHandlers;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of caller authorization.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
@ConfigurationProperties("s2s.security.authorization")
public class S2sAuthorizationProperties {

	/**
	 * What happens to a request of an s2s filter chain whose handler names no caller (no
	 * caller annotation, caller-typed parameter, enforced method-security annotation or
	 * path rule): 'deny' answers 403, 'authenticated' admits any authenticated caller.
	 */
	private UnannotatedHandlers unannotated = UnannotatedHandlers.DENY;

	/**
	 * Whether allowed calls are published as Spring Security AuthorizationGrantedEvents
	 * (and Actuator audit events) too. Denials always are.
	 */
	private boolean publishGrantedEvents;

	/**
	 * Paths only services may call, whatever their handlers say; a request under one
	 * without a token gets 401, any other caller 403.
	 */
	private List<ServicePath> servicePaths = new ArrayList<>();

	/**
	 * Paths that need no token, such as health probes. Neither authentication nor a
	 * service-only rule applies to them.
	 */
	private List<String> publicPaths = new ArrayList<>();

	/**
	 * Logging of decisions and refusals.
	 */
	private final Log log = new Log();

	/**
	 * What happens to a request of an s2s filter chain whose handler names no caller (no
	 * caller annotation, caller-typed parameter, enforced method-security annotation or
	 * path rule): 'deny' answers 403, 'authenticated' admits any authenticated caller.
	 * @return the unannotated
	 */
	public UnannotatedHandlers getUnannotated() {
		return this.unannotated;
	}

	/**
	 * What happens to a request of an s2s filter chain whose handler names no caller (no
	 * caller annotation, caller-typed parameter, enforced method-security annotation or
	 * path rule): 'deny' answers 403, 'authenticated' admits any authenticated caller.
	 * @param unannotated the unannotated
	 */
	public void setUnannotated(UnannotatedHandlers unannotated) {
		this.unannotated = unannotated;
	}

	/**
	 * Whether allowed calls are published as Spring Security AuthorizationGrantedEvents
	 * (and Actuator audit events) too. Denials always are.
	 * @return the publish granted events
	 */
	public boolean isPublishGrantedEvents() {
		return this.publishGrantedEvents;
	}

	/**
	 * Whether allowed calls are published as Spring Security AuthorizationGrantedEvents
	 * (and Actuator audit events) too. Denials always are.
	 * @param publishGrantedEvents the publish granted events
	 */
	public void setPublishGrantedEvents(boolean publishGrantedEvents) {
		this.publishGrantedEvents = publishGrantedEvents;
	}

	/**
	 * Paths only services may call, whatever their handlers say; a request under one
	 * without a token gets 401, any other caller 403.
	 * @return the service paths
	 */
	public List<ServicePath> getServicePaths() {
		return this.servicePaths;
	}

	/**
	 * Paths only services may call, whatever their handlers say; a request under one
	 * without a token gets 401, any other caller 403.
	 * @param servicePaths the service paths
	 */
	public void setServicePaths(List<ServicePath> servicePaths) {
		this.servicePaths = servicePaths;
	}

	/**
	 * Paths that need no token, such as health probes. Neither authentication nor a
	 * service-only rule applies to them.
	 * @return the public paths
	 */
	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	/**
	 * Paths that need no token, such as health probes. Neither authentication nor a
	 * service-only rule applies to them.
	 * @param publicPaths the public paths
	 */
	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	/**
	 * Logging of decisions and refusals.
	 * @return the log settings
	 */
	public Log getLog() {
		return this.log;
	}

	/**
	 * Logging of decisions and refusals.
	 */
	public static class Log {

		/**
		 * Whether allowed calls are logged at INFO, one line each (caller, route, rule,
		 * correlation id). Refusals are always logged at WARN.
		 */
		private boolean allowed;

		/**
		 * Most refusal lines logged per minute, for 401s and for 403s each; the others
		 * are counted, and the next line logged says how many were left out.
		 */
		private int refusalsPerMinute = 100;

		/**
		 * Whether allowed calls are logged at INFO, one line each (caller, route, rule,
		 * correlation id). Refusals are always logged at WARN.
		 * @return whether allowed calls are logged
		 */
		public boolean isAllowed() {
			return this.allowed;
		}

		/**
		 * Whether allowed calls are logged at INFO, one line each (caller, route, rule,
		 * correlation id). Refusals are always logged at WARN.
		 * @param allowed whether allowed calls are logged
		 */
		public void setAllowed(boolean allowed) {
			this.allowed = allowed;
		}

		/**
		 * Most refusal lines logged per minute, for 401s and for 403s each; the others
		 * are counted, and the next line logged says how many were left out.
		 * @return the lines per minute
		 */
		public int getRefusalsPerMinute() {
			return this.refusalsPerMinute;
		}

		/**
		 * Most refusal lines logged per minute, for 401s and for 403s each; the others
		 * are counted, and the next line logged says how many were left out.
		 * @param refusalsPerMinute the lines per minute
		 */
		public void setRefusalsPerMinute(int refusalsPerMinute) {
			this.refusalsPerMinute = refusalsPerMinute;
		}

	}

	/**
	 * A path pattern only services may call.
	 */
	public static class ServicePath {

		/**
		 * Path pattern within the application, starting with '/', e.g.
		 * '/api/internal/**'.
		 */
		private @Nullable String pattern;

		/**
		 * Ids of the services admitted; empty admits any authenticated service.
		 */
		private List<String> services = new ArrayList<>();

		/**
		 * Scopes a service's token must all carry.
		 */
		private List<String> scopes = new ArrayList<>();

		/**
		 * Path pattern within the application, starting with '/', e.g.
		 * '/api/internal/**'.
		 * @return the pattern
		 */
		public @Nullable String getPattern() {
			return this.pattern;
		}

		/**
		 * Path pattern within the application, starting with '/', e.g.
		 * '/api/internal/**'.
		 * @param pattern the pattern
		 */
		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		/**
		 * Ids of the services admitted; empty admits any authenticated service.
		 * @return the services
		 */
		public List<String> getServices() {
			return this.services;
		}

		/**
		 * Ids of the services admitted; empty admits any authenticated service.
		 * @param services the services
		 */
		public void setServices(List<String> services) {
			this.services = services;
		}

		/**
		 * Scopes a service's token must all carry.
		 * @return the scopes
		 */
		public List<String> getScopes() {
			return this.scopes;
		}

		/**
		 * Scopes a service's token must all carry.
		 * @param scopes the scopes
		 */
		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

	}

}
