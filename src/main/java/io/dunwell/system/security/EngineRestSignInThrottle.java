package io.dunwell.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts /engine-rest's HTTP Basic sign-in behind the {@link LoginThrottle} while Camunda's own
 * ProcessEngineAuthenticationFilter checks those passwords (see {@link CamundaFilters}). Camunda
 * answers a wrong password with 401 and lets any other request through to the API. Once
 * /engine-rest authenticates through Spring Security and {@link CamundaIdentityAuthenticationProvider},
 * this filter has nothing left to do and goes.
 */
class EngineRestSignInThrottle extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;

    EngineRestSignInThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            chain.doFilter(request, response);
            return;
        }
        String user = userOf(authorization.substring(BASIC.length()).trim());
        String address = request.getRemoteAddr();
        try {
            throttle.admit(user, address);
        } catch (SignInThrottledException throttled) {
            TooManySignInsResponse.send(response, throttled);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(user, address);
        } else {
            throttle.succeeded(user, address);
        }
    }

    private static String userOf(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
