package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentFiguresTests {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {

        Instant now = Instant.parse("2026-11-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final List<Runnable> background = new ArrayList<>();
    final RecentFigures figures = new RecentFigures(new ConsoleFigures(Duration.ofMinutes(5)), clock, background::add);
    final AtomicInteger computed = new AtomicInteger();

    @Test
    void computesOnceWhileTheFiguresAreYoungerThanTheMaxAge() {
        RecentFigures.Figure<Integer> first = figures.get("key", computed::incrementAndGet);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        RecentFigures.Figure<Integer> second = figures.get("key", computed::incrementAndGet);

        assertThat(second).isEqualTo(first);
        assertThat(first.asOf()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(background).isEmpty();
    }

    @Test
    void olderFiguresAreShownWithTheirTimeWhileFreshOnesAreComputedInTheBackgroundOnce() {
        figures.get("key", computed::incrementAndGet);
        clock.now = clock.now.plus(Duration.ofMinutes(6));

        assertThat(figures.get("key", computed::incrementAndGet).value()).isEqualTo(1);
        assertThat(figures.get("key", computed::incrementAndGet).value()).isEqualTo(1);
        assertThat(background).hasSize(1);

        background.get(0).run();
        RecentFigures.Figure<Integer> fresh = figures.get("key", computed::incrementAndGet);
        assertThat(fresh.value()).isEqualTo(2);
        assertThat(fresh.asOf()).isEqualTo(Instant.parse("2026-11-02T10:06:00Z"));
    }

    @Test
    void aClockMovedBackMakesTheFiguresStale() {
        figures.get("key", computed::incrementAndGet);
        clock.now = clock.now.minus(Duration.ofDays(1));

        figures.get("key", computed::incrementAndGet);

        assertThat(background).hasSize(1);
    }

    @Test
    void differentKeysAreDifferentFigures() {
        figures.get("EUR", () -> "euro");

        assertThat(figures.get("USD", () -> "dollar").value()).isEqualTo("dollar");
        assertThat(figures.get("EUR", () -> "other").value()).isEqualTo("euro");
    }

    @Test
    void aMaxAgeOfZeroComputesForEveryRequest() {
        RecentFigures always = new RecentFigures(new ConsoleFigures(Duration.ZERO), clock, background::add);

        always.get("key", computed::incrementAndGet);
        always.get("key", computed::incrementAndGet);

        assertThat(computed).hasValue(2);
    }
}
