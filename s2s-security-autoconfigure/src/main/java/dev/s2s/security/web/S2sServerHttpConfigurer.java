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

import java.util.List;

import dev.s2s.security.authorization.CorrelationIdWebFilter;
import dev.s2s.security.authorization.CorrelationIds;
import dev.s2s.security.authorization.S2sServerAccessDeniedHandler;
import dev.s2s.security.authorization.ServerCallerAuthorizationManager;
import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.workload.CertificateAuthenticator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * Applies s2s-security to a reactive {@link ServerHttpSecurity} you build yourself, and
 * only to it; the WebFlux twin of {@link S2sHttpConfigurer}. Inject it and apply it to
 * the chain, before your own rules:
 *
 * <pre>
 * &#64;Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, S2sServerHttpConfigurer s2s) {
 * 	s2s.configure(http.securityMatcher(pathMatchers("/api/**")));
 * 	return http.authorizeExchange((exchanges) -&gt; exchanges.anyExchange().access(s2s.authenticated())).build();
 * }
 * </pre>
 *
 * <p>
 * Bearer tokens are validated by the s2s decoder and classified into callers; after the
 * chain's own authorization, the service-only paths, the caller annotations and the
 * default for unannotated handlers decide for the requests of this chain. The defaults
 * are applied by {@link #configure}, so that whatever the chain says afterwards wins: no
 * security context stored between requests, no saved requests, no CSRF protection
 * (browsers do not send bearer tokens by themselves), RFC 6750 answers to denials, one
 * credential per request in the {@code Authorization} header only.
 *
 * <p>
 * Deliberately not a {@code Customizer<ServerHttpSecurity>}: Spring Security applies such
 * beans to every chain of the application, and this applies to the chains you choose.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sServerHttpConfigurer {

	private final ReactiveJwtDecoder decoder;

	private final CallerClassifier classifier;

	private final ServerCallerAuthorizationManager authorization;

	private final CorrelationIds correlationIds;

	private final AuthenticationEventPublisher authenticationEvents;

	private ServerRefusals refusals;

	private final RefusalRecorder refusalRecorder;

	private @Nullable DPoPBinding dpop;

	private CertificateAuthenticator certificates = CertificateAuthenticator.none();

	private ObjectPostProcessor<ReactiveAuthenticationManager> authenticationPostProcessor = ObjectPostProcessor
		.identity();

	private ObjectPostProcessor<ReactiveAuthorizationManager<ServerWebExchange>> authorizationPostProcessor = ObjectPostProcessor
		.identity();

	/**
	 * Create a configurer.
	 * @param decoder the token decoder
	 * @param classifier the caller classifier
	 * @param authorization who may call, after the chain's own rules
	 * @param correlationIds where correlation ids come from
	 * @param authenticationEvents where authentication successes and failures are
	 * published (with rejected tokens replaced by their fingerprint)
	 * @param refusals explains every 401 and 403 of the chain
	 */
	public S2sServerHttpConfigurer(ReactiveJwtDecoder decoder, CallerClassifier classifier,
			ServerCallerAuthorizationManager authorization, CorrelationIds correlationIds,
			AuthenticationEventPublisher authenticationEvents, RefusalRecorder refusals) {
		Assert.notNull(decoder, "decoder cannot be null");
		Assert.notNull(classifier, "classifier cannot be null");
		Assert.notNull(authorization, "authorization cannot be null");
		Assert.notNull(correlationIds, "correlationIds cannot be null");
		Assert.notNull(authenticationEvents, "authenticationEvents cannot be null");
		Assert.notNull(refusals, "refusals cannot be null");
		this.decoder = decoder;
		this.classifier = classifier;
		this.authorization = authorization;
		this.correlationIds = correlationIds;
		this.authenticationEvents = new TokenHidingAuthenticationEventPublisher(authenticationEvents);
		this.refusalRecorder = refusals;
		this.refusals = refusals(null);
	}

	private ServerRefusals refusals(@Nullable DPoPBinding dpop) {
		return new ServerRefusals(
				new RevocationUnavailableServerEntryPoint(
						DPoPServerEntryPoint.decorate(new BearerTokenServerAuthenticationEntryPoint(), dpop)),
				new S2sServerAccessDeniedHandler(), this.refusalRecorder);
	}

	/**
	 * Set the DPoP rules: {@code Authorization: DPoP} requests are authenticated with
	 * their proof, and DPoP-bound tokens sent as bearer tokens are refused. The
	 * auto-configuration sets them when {@code s2s.security.inbound.dpop.mode} is
	 * {@code accepted} or {@code required}. The default is none: the {@code DPoP} scheme
	 * is not recognized.
	 * @param dpop the rules
	 */
	public void setDPoPBinding(DPoPBinding dpop) {
		Assert.notNull(dpop, "dpop cannot be null");
		this.dpop = dpop;
		this.refusals = refusals(dpop);
	}

	/**
	 * Whether a built chain applies s2s-security.
	 * @param chain the chain
	 * @return whether {@code configure} configured it
	 */
	public static boolean appliesTo(SecurityWebFilterChain chain) {
		return Boolean.TRUE.equals(chain.getWebFilters().any(CorrelationIdWebFilter.class::isInstance).block());
	}

	private Mono<Authentication> bearerToken(ServerWebExchange exchange) {
		return Mono.fromCallable(() -> {
			ServerHttpRequest request = exchange.getRequest();
			List<String> authorization = request.getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
			boolean tokenInQuery = BearerTokens.hasTokenParameter(request.getURI().getRawQuery());
			if (this.dpop != null && !tokenInQuery && ServerDPoP.isDPoPRequest(authorization)) {
				return ServerDPoP.convert(request, authorization.get(0));
			}
			String token = BearerTokens.resolve(authorization, tokenInQuery);
			return (token != null) ? new BearerTokenAuthenticationToken(token) : null;
		});
	}

	/**
	 * Set the post-processor of the token authentication manager. The auto-configuration
	 * sets Spring Security's own, which observes the manager when an
	 * {@code ObservationRegistry} exists. The default changes nothing.
	 * @param postProcessor the post-processor
	 */
	public void setAuthenticationManagerPostProcessor(
			ObjectPostProcessor<ReactiveAuthenticationManager> postProcessor) {
		Assert.notNull(postProcessor, "postProcessor cannot be null");
		this.authenticationPostProcessor = postProcessor;
	}

	/**
	 * Set how client certificates prove callers, alone or with a token. The
	 * auto-configuration sets the one {@code s2s.security.inbound.certificates}
	 * describes. The default reads no certificate and refuses certificate-bound tokens.
	 * @param certificates the certificate authenticator
	 * @since 0.4.0
	 */
	public void setCertificateAuthenticator(CertificateAuthenticator certificates) {
		Assert.notNull(certificates, "certificates cannot be null");
		this.certificates = certificates;
	}

	/**
	 * Set the post-processor of the manager that decides who may call. The
	 * auto-configuration sets Spring Security's own, which observes the manager when an
	 * {@code ObservationRegistry} exists. The default changes nothing.
	 * @param postProcessor the post-processor
	 */
	public void setAuthorizationManagerPostProcessor(
			ObjectPostProcessor<ReactiveAuthorizationManager<ServerWebExchange>> postProcessor) {
		Assert.notNull(postProcessor, "postProcessor cannot be null");
		this.authorizationPostProcessor = postProcessor;
	}

	/**
	 * Spring Security's {@code authenticated()} rule, which also publishes an
	 * {@code AuthorizationDeniedEvent} for a request without a token (as the servlet
	 * {@code AuthorizationFilter} does; WebFlux publishes none). Use it in the chain's
	 * own rules: {@code exchanges.anyExchange().access(s2s.authenticated())}.
	 * @return the rule
	 */
	public ReactiveAuthorizationManager<AuthorizationContext> authenticated() {
		return this.refusals.authenticated();
	}

	/**
	 * A manager whose denials carry the s2s decision (and with it the
	 * {@code insufficient_scope} challenge), whatever the post-processor wrapped it in.
	 */
	private static ReactiveAuthorizationManager<ServerWebExchange> keepingTheDecision(
			ReactiveAuthorizationManager<ServerWebExchange> manager) {
		return new ReactiveAuthorizationManager<>() {

			@Override
			public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication,
					ServerWebExchange exchange) {
				return manager.authorize(authentication, exchange);
			}

			@Override
			public Mono<Void> verify(Mono<Authentication> authentication, ServerWebExchange exchange) {
				return authorize(authentication, exchange).flatMap((result) -> result.isGranted() ? Mono.empty()
						: Mono.error(new AuthorizationDeniedException("Access Denied", result)));
			}

		};
	}

	/**
	 * Apply s2s-security to a chain.
	 * @param http the chain's builder
	 * @return the builder, for further configuration
	 */
	public ServerHttpSecurity configure(ServerHttpSecurity http) {
		JwtReactiveAuthenticationManager tokens = new JwtReactiveAuthenticationManager(this.decoder);
		tokens.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(this.classifier::convert));
		return http
			.oauth2ResourceServer((server) -> server.bearerTokenConverter(this::bearerToken)
				.authenticationEntryPoint(this.refusals)
				.accessDeniedHandler(this.refusals)
				.jwt((jwt) -> jwt.authenticationManager(this.authenticationPostProcessor.postProcess(
						ServerRefusals.publishing(ServerDPoP.manager(tokens, this.dpop), this.authenticationEvents)))))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((requests) -> requests.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(new CorrelationIdWebFilter(this.correlationIds), SecurityWebFiltersOrder.FIRST)
			// Before the caller's context filter (same position, added first).
			.addFilterAfter(new ClientCertificateWebFilter(this.certificates, this.refusals, this.authenticationEvents),
					SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAfter(new CallerContextWebFilter(), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAfter(
					new AuthorizationWebFilter(
							keepingTheDecision(this.authorizationPostProcessor.postProcess(this.authorization))),
					SecurityWebFiltersOrder.AUTHORIZATION);
	}

}
