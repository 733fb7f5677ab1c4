package io.dunwell.system.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are slowed down, see {@link LoginThrottle}.
 *
 * @param freeAttempts    failed sign-ins in a row, per client address and per user name, before a delay applies
 * @param firstDelay      the wait after the last free failure; it doubles with each further failure ...
 * @param maxDelay        ... up to this cap, after which an attempt is always let through again
 * @param forgetAfter     counters of a client or user that made no attempt for this long are forgotten
 * @param knownAddressFor how long the address of a successful sign-in stays exempt from that user's own delay
 * @param maxTracked      the most clients and users counted (and, separately, known addresses) at once
 */
@ConfigurationProperties(prefix = "dunwell.login")
record LoginThrottleProperties(@DefaultValue("10") int freeAttempts,
                               @DefaultValue("1s") Duration firstDelay,
                               @DefaultValue("5m") Duration maxDelay,
                               @DefaultValue("1h") Duration forgetAfter,
                               @DefaultValue("30d") Duration knownAddressFor,
                               @DefaultValue("10000") int maxTracked) {

    LoginThrottleProperties {
        if (freeAttempts < 0) {
            throw new IllegalArgumentException("dunwell.login.free-attempts must not be negative");
        }
        if (firstDelay.compareTo(Duration.ZERO) <= 0 || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("dunwell.login.first-delay must be positive and no longer than dunwell.login.max-delay");
        }
        // counters forgotten before the cap is reached would hand out free attempts again and again
        if (forgetAfter.compareTo(maxDelay) <= 0) {
            throw new IllegalArgumentException("dunwell.login.forget-after must be longer than dunwell.login.max-delay");
        }
        if (knownAddressFor.isNegative() || maxTracked < 1) {
            throw new IllegalArgumentException("dunwell.login.known-address-for must not be negative, dunwell.login.max-tracked at least 1");
        }
    }
}
