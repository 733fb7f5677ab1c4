package io.dunwell.system.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked: the client or the user has to wait after too many failures (see {@link LoginThrottle}). */
class SignInThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins");
        // rounded up: a client that comes back after this many seconds is let through
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What a person reads; the same whether or not the user exists. */
    String advice() {
        return "Too many failed sign-ins, try again in " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds.");
    }
}
