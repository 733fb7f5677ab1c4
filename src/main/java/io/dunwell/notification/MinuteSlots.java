package io.dunwell.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The per-minute rate limit of bulk messages, one rule for every channel: a message takes the first
 * minute, from now or from the latest slot already taken, that has fewer than {@code perMinute}
 * messages, and waits for it with a not-before time. Nobody sleeps: the channel's sender picks it
 * up once the shared clock reaches the slot.
 */
final class MinuteSlots {

    private MinuteSlots() {
    }

    /**
     * @param latest  the latest not-before time any message of the channel has
     * @param counted how many messages of the channel have a not-before time in [from, to)
     */
    static Instant firstFree(Instant now, int perMinute, Optional<Instant> latest, BiFunction<Instant, Instant, Long> counted) {
        Instant slot = now.truncatedTo(ChronoUnit.MINUTES);
        Instant latestSlot = latest.map(at -> at.truncatedTo(ChronoUnit.MINUTES)).orElse(slot);
        if (latestSlot.isAfter(slot)) {
            slot = latestSlot;
        }
        while (counted.apply(slot, slot.plus(Duration.ofMinutes(1))) >= perMinute) {
            slot = slot.plus(Duration.ofMinutes(1));
        }
        return slot.isAfter(now) ? slot : now;
    }
}
