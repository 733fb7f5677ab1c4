package io.dunwell.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** 429 with Retry-After and RFC 9457 problem details: the answer of every machine-facing sign-in path to a throttled attempt. */
final class TooManySignInsResponse {

    private TooManySignInsResponse() {
    }

    static void send(HttpServletResponse response, SignInThrottledException throttled) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:dunwell:problem:too-many-sign-ins\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"" + throttled.advice() + "\",\"retryAfterSeconds\":" + throttled.retryAfterSeconds() + "}");
    }
}
