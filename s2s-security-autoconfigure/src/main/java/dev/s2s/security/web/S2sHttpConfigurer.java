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

import java.util.Collections;
import java.util.List;

import dev.s2s.security.authorization.CallerDecisionRecorder;
import dev.s2s.security.authorization.CorrelationIdFilter;
import dev.s2s.security.authorization.CorrelationIds;
import dev.s2s.security.authorization.S2sAccessDeniedHandler;
import dev.s2s.security.authorization.S2sChainMarker;
import dev.s2s.security.authorization.ServicePathAuthorizationManager;
import dev.s2s.security.caller.CallerClassifier;
import dev.s2s.security.dpop.DPoPBinding;
import dev.s2s.security.workload.CertificateAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.util.Assert;

/**
 * Applies s2s-security to a servlet {@link HttpSecurity} you build yourself, and only to
 * it: bearer tokens validated by the s2s decoder, callers classified as services, users
 * or delegated calls, and the s2s rules (service-only paths, caller annotations, the
 * default for unannotated handlers) enforced for the requests of this chain. Your own
 * {@code authorizeHttpRequests} rules stay yours and run first; the service-only paths
 * are enforced after them, even after {@code permitAll()}.
 *
 * <pre>
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 * 	http.securityMatcher("/api/**")
 * 		.with(S2sHttpConfigurer.s2s(), Customizer.withDefaults())
 * 		.authorizeHttpRequests((requests) -&gt; requests.anyRequest().authenticated());
 * 	return http.build();
 * }
 * </pre>
 *
 * <p>
 * The defaults are applied when the configurer is attached, so whatever the chain says
 * after {@code with(s2s())} wins: no sessions (the security context lives in a request
 * attribute, no request is saved), no CSRF protection (browsers do not send bearer tokens
 * by themselves), RFC 6750 answers to denials, and RFC 9728 protected-resource metadata
 * that names the trusted issuers and says whether tokens can be bound to client
 * certificates (only when client certificates are authenticated, see
 * {@link CertificateAuthenticator}); one credential per request, in the
 * {@code Authorization} header only (more is a {@code 400 invalid_request}); a token
 * whose revocation status cannot be told (the revocation store down, in fail-mode closed)
 * is a {@code 503} with {@code Retry-After}, not a {@code 500}. With
 * {@code s2s.security.inbound.dpop.mode} {@code accepted} or {@code required},
 * {@code Authorization: DPoP} requests are authenticated with their proof (see
 * {@link DPoPBinding}) and a DPoP-bound token sent as a bearer token is refused.
 * Authentication events reach the application's {@link AuthenticationEventPublisher} with
 * a rejected token replaced by its fingerprint.
 *
 * @author s2s-security team
 * @since 0.1.0
 */
public final class S2sHttpConfigurer extends AbstractHttpConfigurer<S2sHttpConfigurer, HttpSecurity> {

	private @Nullable DPoPBinding dpop;

	private @Nullable AuthenticationManager manager;

	private @Nullable ServletRefusals refusals;

	private S2sHttpConfigurer() {
	}

	/**
	 * The configurer, to pass to {@link HttpSecurity#with}.
	 * @return a new configurer
	 */
	public static S2sHttpConfigurer s2s() {
		return new S2sHttpConfigurer();
	}

	/**
	 * Whether a built chain applies s2s-security.
	 * @param chain the chain
	 * @return whether {@code S2sHttpConfigurer} configured it
	 */
	public static boolean appliesTo(SecurityFilterChain chain) {
		return chain.getFilters().stream().anyMatch(S2sChainMarker.class::isInstance);
	}

	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		CallerClassifier classifier = context.getBean(CallerClassifier.class);
		List<String> issuers = List.copyOf(classifier.issuers());
		DPoPBinding dpop = context.getBeanProvider(DPoPBinding.class).getIfAvailable();
		ServletRefusals refusals = refusals(context, dpop);
		AuthenticationManager manager = authenticationManager(context, classifier, dpop);
		boolean certificateBound = certificates(context).authenticatesCertificates();
		this.dpop = dpop;
		this.manager = manager;
		this.refusals = refusals;
		http.oauth2ResourceServer((server) -> server.bearerTokenResolver(S2sHttpConfigurer::bearerToken)
			.jwt((jwt) -> jwt.authenticationManager(manager))
			.authenticationEntryPoint(refusals)
			.accessDeniedHandler(refusals)
			.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer((resource) -> {
				resource.tlsClientCertificateBoundAccessTokens(certificateBound)
					.authorizationServers((servers) -> servers.addAll(issuers));
				if (dpop != null) {
					// RFC 9449, section 5.1.
					resource.claim("dpop_signing_alg_values_supported", dpop.getAlgorithms())
						.claim("dpop_bound_access_tokens_required", dpop.isRequired());
				}
			})))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((securityContext) -> securityContext
				.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache((requests) -> requests.requestCache(new NullRequestCache()))
			.csrf(AbstractHttpConfigurer::disable);
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		http.addFilterBefore(new CorrelationIdFilter(context.getBean(CorrelationIds.class)),
				DisableEncodeUrlFilter.class);
		http.addFilterBefore(new S2sChainMarker(), DisableEncodeUrlFilter.class);
		AuthorizationManager<HttpServletRequest> servicePathManager = context
			.getBean(ServicePathAuthorizationManager.class);
		AuthorizationFilter servicePaths = new AuthorizationFilter(postProcessor(context,
				ResolvableType.forClassWithGenerics(AuthorizationManager.class, HttpServletRequest.class))
			.postProcess(servicePathManager));
		servicePaths.setAuthorizationEventPublisher(context.getBean(CallerDecisionRecorder.class).eventPublisher());
		servicePaths.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.addFilterAfter(postProcess(servicePaths), AuthorizationFilter.class);
		ServletRefusals refusals = this.refusals;
		Assert.state(refusals != null && this.manager != null, "setBuilder(HttpSecurity) was not called");
		// Before the MDC filter (same position, added first), so that it sees the caller.
		http.addFilterAfter(new ClientCertificateFilter(certificates(context), refusals, events(context),
				getSecurityContextHolderStrategy()), BearerTokenAuthenticationFilter.class);
		http.addFilterAfter(new CallerMdcFilter(getSecurityContextHolderStrategy()),
				BearerTokenAuthenticationFilter.class);
		if (this.dpop != null) {
			http.addFilterBefore(
					postProcess(ServletDPoP.filter(this.manager, refusals, getSecurityContextHolderStrategy())),
					BearerTokenAuthenticationFilter.class);
		}
	}

	private static ServletRefusals refusals(ApplicationContext context, @Nullable DPoPBinding dpop) {
		return new ServletRefusals(
				new RevocationUnavailableEntryPoint(
						DPoPEntryPoint.decorate(new BearerTokenAuthenticationEntryPoint(), dpop)),
				new S2sAccessDeniedHandler(), context.getBean(RefusalRecorder.class));
	}

	/**
	 * Without the bean (no certificates configured), no certificate is read and
	 * certificate-bound tokens are refused.
	 */
	private static CertificateAuthenticator certificates(ApplicationContext context) {
		return context.getBeanProvider(CertificateAuthenticator.class).getIfUnique(CertificateAuthenticator::none);
	}

	private static AuthenticationEventPublisher events(ApplicationContext context) {
		return new TokenHidingAuthenticationEventPublisher(context.getBeanProvider(AuthenticationEventPublisher.class)
			.getIfUnique(() -> new DefaultAuthenticationEventPublisher(context)));
	}

	private static @Nullable String bearerToken(HttpServletRequest request) {
		return BearerTokens.resolve(Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)),
				BearerTokens.hasTokenParameter(request.getQueryString()));
	}

	/**
	 * A manager of this chain's own, so that its authentication events can hide the
	 * tokens they would otherwise carry, without changing the application's publisher.
	 */
	private static AuthenticationManager authenticationManager(ApplicationContext context, CallerClassifier classifier,
			@Nullable DPoPBinding dpop) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(context.getBean(JwtDecoder.class));
		provider.setJwtAuthenticationConverter(classifier::convert);
		ProviderManager manager = (dpop != null)
				? new ProviderManager(ServletDPoP.bearer(provider, dpop), ServletDPoP.proof(provider, dpop))
				: new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events(context));
		// Spring Security observes the managers it builds; this one is built here.
		return postProcessor(context, ResolvableType.forClass(AuthenticationManager.class)).postProcess(manager);
	}

	/**
	 * The post-processor Spring Security applies to the managers it builds itself (which
	 * adds its observations when an {@code ObservationRegistry} exists, as its
	 * {@code SecurityObservationSettings} say), for the managers s2s-security builds.
	 * @param context the application context
	 * @param managerType the type of manager
	 * @return the post-processor, or one that changes nothing
	 */
	static <T> ObjectPostProcessor<T> postProcessor(ApplicationContext context, ResolvableType managerType) {
		ObjectProvider<ObjectPostProcessor<T>> postProcessors = context
			.getBeanProvider(ResolvableType.forClassWithGenerics(ObjectPostProcessor.class, managerType));
		return postProcessors.getIfUnique(ObjectPostProcessor::identity);
	}

}
