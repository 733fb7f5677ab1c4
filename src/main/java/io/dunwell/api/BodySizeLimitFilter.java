package io.dunwell.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses bodies above {@code dunwell.api.max-body-bytes} (JSON) or
 * {@code dunwell.api.max-import-bytes} (CSV imports, which stream, and the engine's multipart
 * uploads) before they are read, on the integration API and on the engine's two REST APIs.
 */
@Component
@Order(98)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long importLimit;
    private final ObjectMapper json;

    BodySizeLimitFilter(@Value("${dunwell.api.max-body-bytes}") long jsonLimit,
                        @Value("${dunwell.api.max-import-bytes}") long importLimit, ObjectMapper json) {
        this.jsonLimit = jsonLimit;
        this.importLimit = importLimit;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith("/api/") && !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // CSV imports and the engine's deployments and attachments (multipart) are files; everything else is JSON
        boolean file = path(request).startsWith("/api/v1/imports/")
                || (!path(request).startsWith("/api/") && request.getContentType() != null && request.getContentType().startsWith("multipart/"));
        long limit = file ? importLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, ApiProblems.TOO_LARGE,
                    "Payload too large", new PayloadTooLargeException(limit).getMessage(), List.of()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Also bounds bodies sent without a Content-Length (chunked). */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
