package io.dunwell.notification;

import java.time.Clock;

import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends what the outbox holds for no caller to send (a bulk message on any channel, a basket's
 * statements, a mention): every minute, the due ones, oldest first. A message the server or
 * provider refused stays pending for the next round; {@link Outbox}'s row lock makes a second node
 * or an earlier immediate send harmless. A rate-limited message waits for its minute slot, so a big
 * bulk message goes out a minute's share at a time. What a process step sends is left to its job,
 * whose retries end in an incident an admin sees in Cockpit.
 */
@Service
public class OutboxSweep {

    private static final int BATCH = 500;

    private final OutboxRepository messages;
    private final Outbox outbox;
    private final Clock clock;

    OutboxSweep(OutboxRepository messages, Outbox outbox, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns how many messages were sent in this round. */
    @Scheduled(cron = "${dunwell.mail.pending-cron:0 * * * * *}")
    public int sendDue() {
        int sent = 0;
        for (Long messageId : messages.dueForSweep(clock.instant(), Limit.of(BATCH))) {
            sent += outbox.trySend(messageId) ? 1 : 0;
        }
        return sent;
    }
}
