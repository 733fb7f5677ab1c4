package io.dunwell.system.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses writes that a browser marks as sent from another site. HTTP Basic calls carry no CSRF
 * token, yet a browser that once answered a Basic prompt (on /engine-rest or /api) sends those
 * credentials with any other site's form post too: a forged deployment is code on the server.
 * Machine clients send no Fetch Metadata and pass; the console's own forms are same-origin.
 */
class CrossSiteWriteGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site) && !SAFE_METHODS.contains(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused");
            return;
        }
        chain.doFilter(request, response);
    }
}
