package io.dunwell.notification;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to the people who work in Dunwell, not to customers (a mention in a note, a follow-up's
 * reminder): rendered from {@code email-templates/} in English, with no account to format for,
 * and kept in the {@link Outbox} like every message, on no account's timeline. The caller names
 * the mail by its key; the outbox sends it once.
 */
@Service
public class StaffMail {

    private final NoticeRenderer renderer;
    private final Outbox outbox;

    StaffMail(NoticeRenderer renderer, Outbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /**
     * Queues the mail with the caller's transaction and hands it to the SMTP server right after
     * that committed; one the server refused, {@link OutboxSweep} sends later. {@code recipient}
     * null: there is no address, the mail is kept as FAILED.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String recipient, String template, Map<String, Object> model, String idempotencyKey) {
        OutboxMessage mail = outbox.queueForSweep(idempotencyKey, null, () -> draft(recipient, template, model));
        outbox.sendAfterCommit(mail.getId());
    }

    /**
     * Sends the mail now unless it was sent under this key before, whatever the caller's
     * transaction does; throws {@link org.springframework.mail.MailException} when the SMTP server
     * did not take it, for the caller's retry (a process job's) to send it.
     */
    public void sendOnce(String recipient, String template, Map<String, Object> model, String idempotencyKey) {
        outbox.sendOnce(idempotencyKey, () -> draft(recipient, template, model));
    }

    private Draft draft(String recipient, String template, Map<String, Object> model) {
        return new Draft(null, OutboxMessage.EMAIL, recipient, template, Locale.ENGLISH.toLanguageTag(),
                renderer.render(template, Locale.ENGLISH, ZoneOffset.UTC, model), null);
    }
}
