package io.dunwell.system.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what, by URL: the one table of Dunwell's roles, for the console, the integration
 * API and the engine's REST API alike (the README's "Who may do what" is this table in words, and
 * {@code AuthorizationMatrixTests} holds every endpoint and role to it). First match wins; what no
 * line names is for admins only. Roles nest: admin ⊃ supervisor ⊃ agent; the integration role
 * stands apart, so the billing system reaches its part of the API and nothing else.
 * <p>
 * Rules that depend on the data, not the URL, sit with the data and are named here so the table
 * stays whole: which engine task a user may act on ({@link TaskAccess}, checked by
 * {@link EngineRestGuard} for /engine-rest and the webapps' engine API), whose basket, session and
 * follow-up task it is (the worklist and follow-up services), which bulk actions a role may run and
 * above which sums a money move waits for a second person (the bulk actions and the write-off
 * approval decision).
 */
final class AccessRules {

    private static final String AGENT = Roles.AGENT;
    private static final String SUPERVISOR = Roles.SUPERVISOR;
    private static final String ADMIN = Roles.ADMIN;
    private static final String INTEGRATION = Roles.INTEGRATION;

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        // --- anyone: health, the login page, the error page, static files
        rules.requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**"), antMatcher("/login"),
                antMatcher("/error"), antMatcher("/css/**"), antMatcher("/js/**"), antMatcher("/img/**"),
                antMatcher("/webjars/**"), antMatcher("/favicon.ico")).permitAll();
        // the webapps' own login form works signed out and signs into the console too (WebappSignInSync)
        rules.requestMatchers(antMatcher(HttpMethod.GET, "/camunda/api/engine/engine/"), WebappSignInSync.LOGIN,
                WebappSignInSync.LOGOUT).permitAll();
        // the webapps' first-admin setup stays closed: the admin comes from configuration
        rules.requestMatchers(antMatcher("/camunda/api/admin/setup/**")).denyAll();
        // identity/verify checks any user's password for any caller, past the login throttle; nothing of Dunwell's needs it
        rules.requestMatchers(antMatcher("/engine-rest/identity/verify"), antMatcher("/engine-rest/engine/*/identity/verify"),
                antMatcher("/camunda/api/engine/engine/*/identity/verify")).denyAll();

        // --- the engine: Tasklist, Cockpit, Admin and /engine-rest for staff; what a task allows is TaskAccess's
        rules.requestMatchers(antMatcher("/camunda/**"), antMatcher("/engine-rest/**")).hasRole(AGENT);

        // --- the integration API
        rules.requestMatchers(antMatcher("/api/v1/simulation/**")).hasRole(ADMIN);
        rules.requestMatchers(antMatcher(HttpMethod.PUT, "/api/v1/accounts/*"), antMatcher(HttpMethod.PUT, "/api/v1/invoices/*"),
                antMatcher(HttpMethod.POST, "/api/v1/credit-notes"), antMatcher(HttpMethod.POST, "/api/v1/imports/*"),
                antMatcher(HttpMethod.POST, "/api/v1/dunning-runs"), antMatcher(HttpMethod.POST, "/api/v1/late-charges/runs"))
                .hasAnyRole(SUPERVISOR, INTEGRATION);
        rules.requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/payments")).hasAnyRole(AGENT, INTEGRATION);
        // the billing system reads back what it pushed
        rules.requestMatchers(antMatcher(HttpMethod.GET, "/api/v1/accounts/*"), antMatcher(HttpMethod.GET, "/api/v1/invoices/*"),
                antMatcher(HttpMethod.GET, "/api/v1/payments/*"), antMatcher(HttpMethod.GET, "/api/v1/credit-notes/*"))
                .hasAnyRole(AGENT, INTEGRATION);
        rules.requestMatchers(antMatcher(HttpMethod.GET, "/api/v1/accounts/*/timeline"), antMatcher(HttpMethod.GET, "/api/v1/messages"),
                antMatcher(HttpMethod.GET, "/api/v1/agency-placements"), antMatcher(HttpMethod.GET, "/api/v1/agency-placements/*/file"))
                .hasRole(AGENT);
        // approving a money move: which group a run needs, and never its requester, the bulk actions decide
        rules.requestMatchers(antMatcher(HttpMethod.POST, "/api/v1/bulk-actions/*/approval"),
                antMatcher(HttpMethod.POST, "/accounts/bulk/*/approval")).hasRole(SUPERVISOR);
        // whose basket, bulk run or follow-up it is, and which bulk action a role may run, the services decide
        rules.requestMatchers(antMatcher("/api/v1/baskets"), antMatcher("/api/v1/baskets/**"), antMatcher("/api/v1/bulk-actions"),
                antMatcher("/api/v1/bulk-actions/**"), antMatcher("/api/v1/follow-up-tasks"), antMatcher("/api/v1/follow-up-tasks/**"))
                .hasRole(AGENT);
        rules.requestMatchers(antMatcher("/v3/api-docs"), antMatcher("/v3/api-docs/**"), antMatcher("/swagger-ui.html"),
                antMatcher("/swagger-ui/**")).hasAnyRole(AGENT, INTEGRATION);
        rules.requestMatchers(antMatcher("/api/**"), antMatcher("/actuator/**")).hasRole(ADMIN);

        // --- the console: staff only, never the integration user
        // retrying every failed mail is Cockpit's incident work, done in one click
        rules.requestMatchers(antMatcher(HttpMethod.POST, "/mail/retry-failed")).hasRole(ADMIN);
        rules.requestMatchers(antMatcher("/settings"), antMatcher("/settings/**"),
                antMatcher(HttpMethod.POST, "/agents/*/active"), antMatcher(HttpMethod.POST, "/agents/*/escalation-point"),
                antMatcher(HttpMethod.POST, "/accounts/*/contact"), antMatcher(HttpMethod.POST, "/accounts/*/agent"))
                .hasRole(SUPERVISOR);
        rules.anyRequest().hasRole(AGENT);
    }
}
