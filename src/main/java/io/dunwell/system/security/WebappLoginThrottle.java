package io.dunwell.system.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the Camunda webapps' own login form (Tasklist, Cockpit, Admin) behind the {@link LoginThrottle}:
 * Camunda checks that password itself, past Spring Security. The user name is read from the form
 * body, which is then replayed to Camunda; Camunda's 401 is a wrong password, its 200 a success.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    /** The form carries a user name and a password: anything larger is no login. */
    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final LoginThrottle throttle;

    WebappLoginThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WebappSignInSync.LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (form.length > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String user = field(new String(form, StandardCharsets.ISO_8859_1), "username");
        String address = request.getRemoteAddr();
        try {
            throttle.admit(user, address);
        } catch (SignInThrottledException throttled) {
            TooManySignInsResponse.send(response, throttled);
            return;
        }
        chain.doFilter(new ReplayedBody(request, form), response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(user, address);
        } else if (response.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(user, address);
        }
    }

    /** One field of an application/x-www-form-urlencoded body (percent-encoded UTF-8, so ASCII on the wire). */
    private static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && name.equals(decode(pair.substring(0, equals)))) {
                return decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }
}
