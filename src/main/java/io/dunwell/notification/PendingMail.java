package io.dunwell.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends the outbox's mail that no process step sends (queued with
 * {@link NotificationService#enqueueOutsideProcess}): every minute, the pending ones, oldest first.
 * A message the SMTP server refuses stays pending for the next round; {@link MailDispatcher}'s row
 * lock makes a second node or an earlier immediate send harmless. A rate-limited mail (a bulk
 * message) waits for its minute slot, so a big bulk message reaches the SMTP server a minute's share
 * at a time. Dunning notices are left to their
 * process's job, whose retries end in an incident an admin sees in Cockpit.
 */
@Service
public class PendingMail {

    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PendingMail.class);

    private final OutboxRepository outbox;
    private final MailDispatcher dispatcher;
    private final Clock clock;

    PendingMail(OutboxRepository outbox, MailDispatcher dispatcher, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Returns how many messages went through the dispatcher without a refusal in this round. */
    @Scheduled(cron = "${dunwell.mail.pending-cron:0 * * * * *}")
    public int send() {
        int sent = 0;
        for (Long messageId : outbox.pendingFromOutbox(clock.instant(), PageRequest.of(0, BATCH))) {
            try {
                dispatcher.send(messageId);
                sent++;
            } catch (MailException refused) {
                log.warn("Outbox message {} not sent, tried again next round: {}", messageId, refused.getMessage());
            }
        }
        return sent;
    }
}
