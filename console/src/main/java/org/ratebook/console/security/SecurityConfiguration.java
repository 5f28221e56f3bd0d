package org.ratebook.console.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.ratebook.console.ui.LoginView;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Operators;
import org.ratebook.tenants.TenantAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Four doors. The API ({@code /api/**}) is stateless and opened by an API key whose scopes each endpoint checks
 * ({@link ScopeCheck}). Metrics need the operator's key or the scrape key; health and the OpenAPI document are
 * public. Everything else is the Vaadin console behind a throttled login, with security headers (decision 017).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    /**
     * Vaadin Flow runs inline bootstrap scripts and {@code executeJs} (eval) and inline styles; everything else is
     * same-origin only, no framing, no plugins.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, Operators operators) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(apiKeys, operators), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, Operators operators,
                                @Value("${ratebook.metrics.scrape-key:}") String scrapeKey) throws Exception {
        return http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics",
                        "/actuator/metrics/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new MetricsCredentialFilter(operators, scrapeKey), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/health/**", "/actuator/health", "/actuator/info", "/v3/api-docs/**",
                        "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle,
                                ObjectProvider<ClientRegistrationRepository> identityProviders,
                                ConsoleUsers users, TenantAdministration tenants,
                                @Value("${ratebook.oidc.username-claim:email}") String usernameClaim) throws Exception {
        // OpenID Connect sign-in beside the password, when the installation names a provider
        // (spring.security.oauth2.client.registration.*, README): the person comes from the provider, the tenant and
        // roles from the Ratebook user of that name (OidcConsoleUsers); a refusal goes back to the sign-in page
        // with its reason
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcConsoleUsers(users, tenants, usernameClaim)))
                    .failureHandler((request, response, e) -> {
                        String code = e instanceof OAuth2AuthenticationException refused
                                ? refused.getError().getErrorCode() : "provider";
                        String reason = switch (code) {
                            case "disabled", "suspended" -> code;
                            case "unknown", "unverified" -> "oidc-" + code;
                            default -> "oidc-provider";
                        };
                        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
                    }));
        }
        // loginPage here too, before Vaadin's configurer sets it: without it Spring's own generated login page
        // would answer /login; failureHandler after it, so the page's default "?error" handler is replaced
        http.formLogin(form -> form.loginPage("/login").failureHandler(new LoginFailures(throttle)))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new OperatorLandingFilter(), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        // before the response is produced, so every console page carries them however it is written
                        .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                // Vaadin exempts the login page from CSRF because its form posts natively; vaadin-login-form does send
                // the token from the page's _csrf meta tags, so the sign-in POST is checked here after all
                .addFilterBefore(loginCsrf(), UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    private static CsrfFilter loginCsrf() {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        filter.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"));
        filter.setAccessDeniedHandler((request, response, denied) ->
                response.sendRedirect(request.getContextPath() + "/login?error"));
        return filter;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Operators first, then the users of every tenant; usernames are unique across both. */
    @Bean
    UserDetailsService consoleUserDetails(ConsoleUsers users, Operators operators, TenantAdministration tenants) {
        return username -> operators.find(username)
                .<UserDetails>map(o -> new OperatorDetails(o.username(), o.passwordHash(), null))
                .or(() -> users.find(username).map(u -> new ConsoleUserDetails(u,
                        tenants.status(u.tenant()).orElse(TenantAdministration.Status.SUSPENDED)
                                == TenantAdministration.Status.ACTIVE)))
                .orElseThrow(() -> new UsernameNotFoundException("no console user " + username));
    }
}
