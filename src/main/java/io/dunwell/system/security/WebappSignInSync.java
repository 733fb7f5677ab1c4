package io.dunwell.system.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Camunda webapps' own sign-in and sign-out in step with the console's session.
 * Signing out of Tasklist, Cockpit or Admin ends the whole session; otherwise the next click
 * would sign the user straight back in through the single sign-on. The webapps' login form,
 * which they show after a sign-out or a timed-out session, signs into the console too;
 * otherwise Camunda would accept the password, drop the console's login with its new session,
 * and refuse every following request. Both act only after Camunda accepted the request, its
 * password check, app authorization and CSRF check included.
 */
class WebappSignInSync extends OncePerRequestFilter {

    static final RequestMatcher LOGIN = antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
    static final RequestMatcher LOGOUT = antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

    private final CamundaIdentityAuthenticationProvider identity;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    WebappSignInSync(CamundaIdentityAuthenticationProvider identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request) && !LOGOUT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() != HttpServletResponse.SC_OK) {
            return;
        }
        if (LOGOUT.matches(request)) {
            logout.logout(request, response, contexts.getContext().getAuthentication());
        } else {
            signIntoConsole(request, response);
        }
    }

    private void signIntoConsole(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Authentication camunda = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineOf(request));
        if (camunda == null) {
            return;
        }
        String user = camunda.getIdentityId();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, identity.authoritiesOf(user)));
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
    }

    /** /camunda/api/admin/auth/user/{engine}/login/{app} */
    private static String engineOf(HttpServletRequest request) {
        String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        return segments[segments.length - 3];
    }
}
