package io.dunwell.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Dunwell. It reads the process engine's {@link ClockUtil}, so the domain
 * (due dates, days past due) and the engine (timers, job due dates) can never disagree, and
 * moving it in simulation moves both.
 */
public class SharedClock extends Clock {

    private volatile long offsetMillis;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    /** Runs on from {@code now} in real time: timers keep firing as they would in production. */
    public synchronized Instant setNow(Instant now) {
        return shift(now.toEpochMilli() - System.currentTimeMillis());
    }

    public synchronized Instant advance(Duration duration) {
        return shift(offsetMillis + duration.toMillis());
    }

    public synchronized Instant reset() {
        return shift(0);
    }

    private Instant shift(long newOffsetMillis) {
        offsetMillis = newOffsetMillis;
        return ClockUtil.offset(newOffsetMillis).toInstant();
    }
}
