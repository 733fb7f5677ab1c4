package io.dunwell.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class LoginThrottleTests {

    private static final String STRANGER = "10.0.0.66";
    private static final String USUAL_PLACE = "10.0.0.7";
    private static final String ELSEWHERE = "10.0.0.99";
    private static final Duration CAP = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = throttle(10_000);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).detachAppender(log);
    }

    @Test
    void tenFailuresAreFreeTheEleventhAttemptWaitsASecond() {
        failTimes(10, "carol", STRANGER);

        assertThat(waitFor("carol", ELSEWHERE)).isEqualTo(1);
        assertThat(waitFor("dave", STRANGER)).as("the stranger's address, for another user").isEqualTo(1);
        assertThatCode(() -> throttle.admit("dave", ELSEWHERE)).doesNotThrowAnyException();
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToTheCap() {
        failTimes(10, "carol", STRANGER);

        List<Long> waits = new ArrayList<>();
        for (int failure = 11; failure <= 22; failure++) {
            long wait = waitFor("carol", STRANGER);
            waits.add(wait);
            clock.advance(Duration.ofSeconds(wait));
            throttle.admit("carol", STRANGER);
            throttle.failed("carol", STRANGER);
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    }

    @Test
    void afterAnyNumberOfFailuresTheCapReleasesTheNextAttempt() {
        failTimes(200, "admin", STRANGER);

        assertThat(waitFor("admin", STRANGER)).isEqualTo(CAP.toSeconds());
        clock.advance(CAP);
        assertThatCode(() -> throttle.admit("admin", STRANGER)).doesNotThrowAnyException();
    }

    @Test
    void attemptsInsideTheWaitAreRefusedWithoutLengtheningIt() {
        failTimes(14, "carol", STRANGER);
        assertThat(waitFor("carol", STRANGER)).isEqualTo(16);

        for (int refused = 0; refused < 50; refused++) {
            clock.advance(Duration.ofMillis(300));
            waitFor("carol", STRANGER);
        }

        assertThat(waitFor("carol", STRANGER)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.admit("carol", STRANGER)).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheClientsAndTheUsersCounters() {
        failTimes(10, "carol", USUAL_PLACE);
        clock.advance(Duration.ofSeconds(1));

        throttle.admit("carol", USUAL_PLACE);
        throttle.succeeded("carol", USUAL_PLACE);

        failTimes(9, "carol", ELSEWHERE);
        assertThatCode(() -> throttle.admit("carol", ELSEWHERE)).as("nine failures since the success are free").doesNotThrowAnyException();
        assertThatCode(() -> throttle.admit("dave", USUAL_PLACE)).doesNotThrowAnyException();
    }

    @Test
    void countersAreForgottenAfterAnHourWithoutAttempts() {
        failTimes(10, "carol", STRANGER);

        clock.advance(Duration.ofMinutes(61));

        failTimes(9, "carol", STRANGER);
        assertThatCode(() -> throttle.admit("carol", STRANGER)).doesNotThrowAnyException();
        assertThat(throttle.trackedCounters()).isEqualTo(2);
    }

    @Test
    void strangersFailuresNeverDelayTheUserAtAnAddressTheySignedInFromRecently() {
        throttle.admit("admin", USUAL_PLACE);
        throttle.succeeded("admin", USUAL_PLACE);
        clock.advance(Duration.ofDays(3));

        failTimes(50, "admin", STRANGER);

        assertThatCode(() -> throttle.admit("admin", USUAL_PLACE)).as("from the usual place at once").doesNotThrowAnyException();
        assertThat(waitFor("admin", ELSEWHERE)).as("from anywhere else within the cap").isBetween(1L, CAP.toSeconds());
        assertThat(waitFor("admin", STRANGER)).isEqualTo(CAP.toSeconds());
    }

    @Test
    void anAddressIsForgottenAsKnownAfterThirtyDays() {
        throttle.admit("admin", USUAL_PLACE);
        throttle.succeeded("admin", USUAL_PLACE);
        clock.advance(Duration.ofDays(31));

        failTimes(10, "admin", STRANGER);

        assertThat(waitFor("admin", USUAL_PLACE)).isEqualTo(1);
    }

    @Test
    void parallelAttemptsPastTheFreeOnesGetOneTryPerOpening() {
        failTimes(10, "carol", STRANGER);
        clock.advance(Duration.ofSeconds(1));

        throttle.admit("carol", STRANGER);

        assertThat(waitFor("carol", STRANGER)).as("the second request, while the first is still checked").isEqualTo(1);
    }

    @Test
    void theCaseOfAUserNameMakesNoOtherUser() {
        failTimes(10, " ADMIN", STRANGER);

        assertThat(waitFor("admin", ELSEWHERE)).isEqualTo(1);
    }

    @Test
    void aFloodOfNamesAndAddressesKeepsAtMostTheConfiguredNumberOfCounters() {
        LoginThrottle small = throttle(100);

        for (int stranger = 0; stranger < 5_000; stranger++) {
            small.failed("user-" + stranger, "10.1." + stranger / 250 + "." + stranger % 250);
        }

        assertThat(small.trackedCounters()).isLessThanOrEqualTo(100);
    }

    @Test
    void theOperatorSeesOneWarningWhenAClientAndAUserStartBeingThrottled() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoginThrottle.class);
        log.start();
        logger.addAppender(log);

        failTimes(30, "admin", STRANGER);

        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.list.get(0).getFormattedMessage()).contains("client " + STRANGER, "user 'admin'");
    }

    @Test
    void aUserNameCannotWriteLinesIntoTheLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoginThrottle.class);
        log.start();
        logger.addAppender(log);

        failTimes(10, "eve\nINFO all is well", STRANGER);

        assertThat(log.list.get(0).getFormattedMessage()).doesNotContain("\n").contains("eve?info all is well");
    }

    private LoginThrottle throttle(int maxTracked) {
        return new LoginThrottle(new LoginThrottleProperties(10, Duration.ofSeconds(1), CAP, Duration.ofHours(1), Duration.ofDays(30),
                maxTracked), clock);
    }

    /** A guesser's failures, each let through once the wait before it is over: the clock moves on by the wait. */
    private void failTimes(int failures, String user, String address) {
        for (int failure = 0; failure < failures; failure++) {
            try {
                throttle.admit(user, address);
            } catch (SignInThrottledException refused) {
                clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));
                throttle.admit(user, address);
            }
            throttle.failed(user, address);
        }
    }

    /** Seconds the next attempt has to wait, 0 when it is let through (and then still counted as in flight). */
    private long waitFor(String user, String address) {
        SignInThrottledException refused = catchThrowableOfType(SignInThrottledException.class, () -> throttle.admit(user, address));
        return refused == null ? 0 : refused.retryAfterSeconds();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
