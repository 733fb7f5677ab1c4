package io.dunwell.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether mail is getting out, read from the outbox (one query) and the engine's incidents. */
@Service
public class MailOutages {

    private final OutboxRepository messages;
    private final FailedNotices failed;

    MailOutages(OutboxRepository messages, FailedNotices failed) {
        this.messages = messages;
        this.failed = failed;
    }

    @Transactional(readOnly = true)
    public MailOutage now() {
        OutboxRepository.RefusedMail refused = messages.refusedMail();
        return new MailOutage(refused.getWaiting(), refused.getOldest(), failed.count());
    }

    /** How many mails the SMTP server refused are still to be sent. */
    @Transactional(readOnly = true)
    public long waiting() {
        return messages.refusedMail().getWaiting();
    }
}
