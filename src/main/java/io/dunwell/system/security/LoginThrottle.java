package io.dunwell.system.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Slows password guessing down without letting anyone lock a user out. Every sign-in path asks it
 * before a password is checked ({@link #admit}) and tells it the outcome ({@link #failed},
 * {@link #succeeded}).
 *
 * <p>Failures are counted twice: per client address (one client guessing many users) and per user
 * name (many clients guessing one user). After {@code free-attempts} failures in a row the next
 * attempt of that client, or for that user, waits {@code first-delay}; each further failure doubles
 * the wait up to {@code max-delay}. An attempt inside the wait is refused without its password being
 * checked and does not lengthen the wait, so whoever waits it out is let through: nothing is ever
 * locked for good. A success clears the client's and the user's counters; a counter without any
 * attempt for {@code forget-after} is forgotten.
 *
 * <p>A stranger who keeps failing for a user keeps that user's wait at the cap. So a user's own
 * wait does not apply to an address they signed in from within {@code known-address-for}: from their
 * usual place a user signs in at once, from anywhere else after at most the cap, while the stranger
 * waits out the delay their own address earned. Whoever shares the user's address (an office behind
 * one NAT) shares that address's delay too; behind a reverse proxy the proxy must pass the client's
 * address on ({@code server.forward-headers-strategy}), or all clients share the proxy's.
 *
 * <p>Once a counter is past its free attempts, an attempt let through holds the next one back until
 * its outcome is known, so parallel requests cannot try many passwords in one opening.
 *
 * <p>Memory is bounded: Caffeine keeps at most {@code max-tracked} counters, and as many known
 * addresses, evicting the least used. Time is the shared clock's, so tests move it instead of sleeping.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Camunda's user ids are no longer: a longer name is cut, so no request can make us keep a huge key. */
    private static final int MAX_NAME_LENGTH = 255;

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Cache<String, Failures> failures;
    private final Cache<KnownAddress, Boolean> knownAddresses;

    LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Ticker sharedClock = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.failures = Caffeine.newBuilder().ticker(sharedClock).executor(Runnable::run)
                .maximumSize(settings.maxTracked()).expireAfterAccess(settings.forgetAfter()).build();
        this.knownAddresses = Caffeine.newBuilder().ticker(sharedClock).executor(Runnable::run)
                .maximumSize(settings.maxTracked()).expireAfterWrite(settings.knownAddressFor()).build();
    }

    /**
     * Lets a sign-in attempt through, or refuses it while the client or the user has to wait.
     *
     * @param address the client's address, or null where a path does not know it
     * @throws SignInThrottledException with the wait; the caller must not check the password then
     */
    synchronized void admit(String user, String address) {
        Instant now = clock.instant();
        List<Failures> waiting = new ArrayList<>();
        addIfPresent(waiting, clientKey(address));
        if (!isKnownAddress(user, address)) {
            addIfPresent(waiting, userKey(user));
        }
        Duration wait = Duration.ZERO;
        for (Failures counter : waiting) {
            Duration left = Duration.between(now, counter.nextAttemptAt);
            wait = left.compareTo(wait) > 0 ? left : wait;
        }
        if (wait.compareTo(Duration.ZERO) > 0) {
            throw new SignInThrottledException(wait);
        }
        for (Failures counter : waiting) {
            counter.nextAttemptAt = now.plus(delayAfter(counter.count));
        }
    }

    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        List<String> nowThrottled = new ArrayList<>();
        for (String key : keysOf(user, address)) {
            Failures counter = failures.get(key, any -> new Failures());
            counter.count++;
            counter.nextAttemptAt = now.plus(delayAfter(counter.count));
            if (counter.count == throttledFrom()) {
                nowThrottled.add(printable(key));
            }
        }
        if (!nowThrottled.isEmpty()) {
            log.warn("Throttling sign-ins of {} after {} failures in a row (the latest as '{}' from {}); "
                    + "further attempts wait from {} up to {}", String.join(" and ", nowThrottled), throttledFrom(),
                    printable(name(user)), printable(address), settings.firstDelay(), settings.maxDelay());
        }
    }

    synchronized void succeeded(String user, String address) {
        failures.invalidateAll(keysOf(user, address));
        if (address != null && name(user) != null) {
            knownAddresses.put(new KnownAddress(name(user), address), Boolean.TRUE);
        }
    }

    /** How many clients and users are counted now, for the tests of the bound. */
    long trackedCounters() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Duration delayAfter(int count) {
        if (count < throttledFrom()) {
            return Duration.ZERO;
        }
        Duration delay = settings.firstDelay();
        for (int doubling = throttledFrom(); doubling < count && delay.compareTo(settings.maxDelay()) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) < 0 ? delay : settings.maxDelay();
    }

    /** With no free attempts at all the first failure already delays the next attempt. */
    private int throttledFrom() {
        return Math.max(settings.freeAttempts(), 1);
    }

    private boolean isKnownAddress(String user, String address) {
        return address != null && name(user) != null && knownAddresses.getIfPresent(new KnownAddress(name(user), address)) != null;
    }

    private void addIfPresent(List<Failures> counters, String key) {
        Failures counter = key == null ? null : failures.getIfPresent(key);
        if (counter != null) {
            counters.add(counter);
        }
    }

    private static List<String> keysOf(String user, String address) {
        List<String> keys = new ArrayList<>(2);
        if (clientKey(address) != null) {
            keys.add(clientKey(address));
        }
        if (userKey(user) != null) {
            keys.add(userKey(user));
        }
        return keys;
    }

    private static String clientKey(String address) {
        return address == null ? null : "client " + cut(address);
    }

    private static String userKey(String user) {
        return name(user) == null ? null : "user '" + name(user) + "'";
    }

    /** Case and surrounding blanks do not make another user: a guesser gains nothing by varying them. */
    private static String name(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        return cut(user.strip().toLowerCase(Locale.ROOT));
    }

    private static String cut(String value) {
        return value.length() > MAX_NAME_LENGTH ? value.substring(0, MAX_NAME_LENGTH) : value;
    }

    /** A user name comes from the stranger: no line breaks of theirs in our log. */
    private static String printable(String value) {
        return value == null ? "-" : value.replaceAll("\\p{Cntrl}", "?");
    }

    /** Guarded by the throttle's lock. */
    private static final class Failures {
        int count;
        Instant nextAttemptAt = Instant.MIN;
    }

    private record KnownAddress(String user, String address) {
    }
}
