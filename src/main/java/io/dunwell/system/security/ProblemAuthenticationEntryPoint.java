package io.dunwell.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as RFC 9457 problem details, with the Basic challenge a machine client expects; 429 with
 * Retry-After when the sign-in was refused unchecked after too many failures.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            TooManySignInsResponse.send(response, throttled);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Dunwell\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"urn:dunwell:problem:unauthenticated\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Sign in: HTTP Basic with a Dunwell user, or the console's session.\"}");
    }
}
