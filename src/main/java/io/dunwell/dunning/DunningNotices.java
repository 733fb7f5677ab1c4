package io.dunwell.dunning;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.notification.Notifications;
import io.dunwell.notification.Outbox;

/**
 * The notices of a dunning case. Each is queued in the transaction of the process step that
 * decided it, under a key made of the case and the step, and sent by a later job: a repeated step
 * finds the queued notice instead of writing a second one.
 */
@Service
public class DunningNotices {

    private final Notifications notifications;
    private final Outbox outbox;

    DunningNotices(Notifications notifications, Outbox outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    /** Queues the cadence notice of this level; returns the outbox message's id. */
    @Transactional
    public Long queue(Long caseId, Long accountId, int level, String template, boolean attachStatement) {
        return notifications.enqueue(accountId, template, keyOf(caseId, "notice-" + level), Map.of(), attachStatement).getId();
    }

    /** Sends a queued notice, at most once; throws when the mail server refused it, for the engine to retry. */
    public void send(Long messageId) {
        outbox.send(messageId);
    }

    static String keyOf(Long caseId, String step) {
        return "case-" + caseId + ":" + step;
    }

}
