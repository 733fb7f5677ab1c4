package io.dunwell.system.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
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
 * Everything but health and the login page needs a signed-in user, and who may call what is
 * {@link AccessRules}'s table for every chain. The console and the Camunda webapps share one form
 * login; the integration API takes HTTP Basic or that session; /engine-rest takes HTTP Basic
 * through the same authentication (and so the same login throttle), then Camunda's filter hands
 * the user and groups to the engine (see {@link CamundaFilters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(IdentityService identity, LoginThrottle throttle) {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identity, throttle));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Roles.ADMIN).implies(Roles.SUPERVISOR)
                .role(Roles.SUPERVISOR).implies(Roles.AGENT)
                .build();
    }

    /** Machine clients and scripts: HTTP Basic on every request, no session, no CSRF token to forge. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.securityMatcher(antMatcher("/engine-rest/**"))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(AccessRules::apply)
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .addFilterBefore(new CrossSiteWriteGuard(), CsrfFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(ConsoleHeaders::apply)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, AuthenticationManager authenticationManager, IdentityService identity,
            LoginThrottle throttle) throws Exception {
        // A forged request rides on the victim's session cookie. API calls that carry Basic
        // credentials, or no session at all, have none to ride on: they skip the CSRF check, so
        // an anonymous call gets its honest 401 instead of a 403 from the CSRF filter.
        RequestMatcher apiCallWithoutSession = new AndRequestMatcher(antMatcher("/api/**"),
                request -> request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(AccessRules::apply)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new SignInFailureHandler()).permitAll())
                .logout(logout -> logout.logoutRequestMatcher(antMatcher("/logout")).logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(errors -> errors
                        .defaultAccessDeniedHandlerFor(new ProblemAccessDeniedHandler(), antMatcher("/api/**"))
                        // a second mapping matters: with only one, Spring Security uses it for every request
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), antMatcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), antMatcher("/v3/api-docs/**"))
                        // a scraper without credentials gets a 401 to act on, not the login page
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), antMatcher("/actuator/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), antMatcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterBefore(new CrossSiteWriteGuard(), CsrfFilter.class)
                .addFilterAfter(new WebappSignInSync(new CamundaIdentityAuthenticationProvider(identity, throttle)), AuthorizationFilter.class)
                .addFilterBefore(new WebappLoginThrottle(throttle), WebappSignInSync.class)
                // Camunda's webapps bring their own CSRF filter; Basic-authenticated API calls carry no cookie to forge
                // (and a browser's cached Basic credentials are stopped by the CrossSiteWriteGuard)
                .csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/**"), apiCallWithoutSession))
                .headers(ConsoleHeaders::apply)
                .build();
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }

}
