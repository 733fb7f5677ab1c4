package io.dunwell.system.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Response headers beside Spring Security's defaults. The console runs only its own scripts (no
 * inline script anywhere, so an injected one cannot run), is framed by nobody, and sends no
 * account ids to other sites in a Referer. The Camunda webapps send a policy of their own, which a
 * second one would only narrow and break.
 */
final class ConsoleHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private ConsoleHeaders() {
    }

    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(antMatcher("/camunda/**")),
                        new ContentSecurityPolicyHeaderWriter(POLICY)));
    }
}
