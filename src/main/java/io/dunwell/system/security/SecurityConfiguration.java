package io.dunwell.system.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything but health and the login page needs a signed-in user. The console and the
 * Camunda webapps share one form login; the integration API takes HTTP Basic or that session;
 * /engine-rest is left to Camunda's own HTTP Basic filter (see {@link CamundaFilters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(IdentityService identity) {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identity));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Roles.ADMIN).implies(Roles.SUPERVISOR)
                .role(Roles.SUPERVISOR).implies(Roles.AGENT)
                .build();
    }

    /** Camunda's ProcessEngineAuthenticationFilter answers 401 and checks engine authorizations. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(antMatcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new CrossSiteWriteGuard(), CsrfFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, AuthenticationManager authenticationManager, IdentityService identity)
            throws Exception {
        // A forged request rides on the victim's session cookie. API calls that carry Basic
        // credentials, or no session at all, have none to ride on: they skip the CSRF check, so
        // an anonymous call gets its honest 401 instead of a 403 from the CSRF filter.
        RequestMatcher apiCallWithoutSession = new AndRequestMatcher(antMatcher("/api/**"),
                request -> request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**"), antMatcher("/login"), antMatcher("/error")).permitAll()
                        .requestMatchers(antMatcher("/css/**"), antMatcher("/js/**"), antMatcher("/img/**"), antMatcher("/webjars/**"), antMatcher("/favicon.ico")).permitAll()
                        // the webapps' own login form works signed out, and signs into the console too (WebappSignInSync)
                        .requestMatchers(antMatcher(HttpMethod.GET, "/camunda/api/engine/engine/"), WebappSignInSync.LOGIN,
                                WebappSignInSync.LOGOUT).permitAll()
                        // the webapps' first-admin setup must stay closed: the admin comes from configuration
                        .requestMatchers(antMatcher("/camunda/api/admin/setup/**")).denyAll()
                        .requestMatchers(antMatcher("/api/v1/simulation/**")).hasRole(Roles.ADMIN)
                        .requestMatchers(antMatcher(HttpMethod.GET, "/api/**")).hasRole(Roles.AGENT)
                        // which bulk action a role may run is checked per action (BulkActions)
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/bulk-actions")).hasRole(Roles.AGENT)
                        // who may approve which run is checked per run (BulkActions.decide)
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/bulk-actions/*/approval")).hasRole(Roles.SUPERVISOR)
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/payments")).hasAnyRole(Roles.AGENT, Roles.INTEGRATION)
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/dunning-runs")).hasAnyRole(Roles.SUPERVISOR, Roles.INTEGRATION)
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/follow-up-tasks"), antMatcher(HttpMethod.POST, "/api/v1/follow-up-tasks/**")).hasRole(Roles.AGENT)
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/late-charges/runs")).hasAnyRole(Roles.SUPERVISOR, Roles.INTEGRATION)
                        .requestMatchers(antMatcher("/api/v1/accounts/**"), antMatcher("/api/v1/invoices/**"),
                                antMatcher("/api/v1/credit-notes/**"), antMatcher("/api/v1/imports/**")).hasAnyRole(Roles.SUPERVISOR, Roles.INTEGRATION)
                        .requestMatchers(antMatcher("/api/v1/baskets"), antMatcher("/api/v1/baskets/**")).hasRole(Roles.AGENT)
                        .requestMatchers(antMatcher("/api/**")).hasRole(Roles.ADMIN)
                        .requestMatchers(antMatcher("/settings"), antMatcher("/settings/**")).hasRole(Roles.SUPERVISOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutRequestMatcher(antMatcher("/logout")).logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(errors -> errors
                        .defaultAccessDeniedHandlerFor(new ProblemAccessDeniedHandler(), antMatcher("/api/**"))
                        // a second mapping matters: with only one, Spring Security uses it for every request
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), antMatcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), antMatcher("/v3/api-docs/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), antMatcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterBefore(new CrossSiteWriteGuard(), CsrfFilter.class)
                .addFilterAfter(new WebappSignInSync(new CamundaIdentityAuthenticationProvider(identity)), AuthorizationFilter.class)
                // Camunda's webapps bring their own CSRF filter; Basic-authenticated API calls carry no cookie to forge
                // (and a browser's cached Basic credentials are stopped by the CrossSiteWriteGuard)
                .csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/**"), apiCallWithoutSession))
                .build();
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }

}
