package io.dunwell.system.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Back to the console's login form: "wrong user name or password", or how long a throttled sign-in has to wait. */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (e instanceof SignInThrottledException throttled) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.retryAfterSeconds());
            return;
        }
        wrongPassword.onAuthenticationFailure(request, response, e);
    }
}
