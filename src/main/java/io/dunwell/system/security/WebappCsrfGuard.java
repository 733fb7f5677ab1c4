package io.dunwell.system.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a webapp write without its CSRF header before Camunda's own CSRF filter sees it: that
 * one invalidates the HTTP session it refuses, and the console shares that session, so any page
 * on the web could sign a user out of everything with one forged post. Same check (the header
 * must equal the token Camunda keeps in the session), same answer, the session left alone.
 */
class WebappCsrfGuard extends OncePerRequestFilter {

    /** The webapp's own names: the session attribute is CAMUNDA_CSRF_TOKEN on Camunda, OPERATON_CSRF_TOKEN on Operaton. */
    static final String TOKEN_IN_SESSION = CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;
    static final String TOKEN_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && !carriesTheSessionsToken(request)) {
            response.setHeader(TOKEN_HEADER, "Required");
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The X-XSRF-TOKEN header is missing or wrong");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesTheSessionsToken(HttpServletRequest request) {
        String header = request.getHeader(TOKEN_HEADER);
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(TOKEN_IN_SESSION);
        return header != null && !header.isBlank() && token != null && token.equals(header);
    }
}
