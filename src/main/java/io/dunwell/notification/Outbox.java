package io.dunwell.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one exactly-once sender: every message — customer notice, staff mail, SMS, voice — is queued
 * here under its idempotency key and sent at most once however often, and from however many nodes,
 * {@link #send} is called.
 *
 * <p>Exactly-once rests on three things:
 * <ol>
 * <li>Sending happens in a transaction of its own ({@code REQUIRES_NEW}), never in the caller's:
 * the message's row is locked, its status read, the message handed to the SMTP server or the
 * {@link ChannelProvider}, and SENT written together with the timeline entry — committed right
 * after the server took it. When the job around it later rolls back or its node dies, SENT stays,
 * and the retry finds it and sends nothing.</li>
 * <li>The row lock makes a second sender (another node, a job whose lock expired, the sweep) wait
 * until the first one committed, and then see SENT.</li>
 * <li>A refused attempt commits its count and error (the message stays PENDING) and rethrows, so
 * nothing is lost: the caller's retry, or the sweep, sends it.</li>
 * </ol>
 * What remains is the moment between the server's "250 OK" and the commit of SENT — microseconds,
 * unless the database fails right then. A crash inside it sends the message again on retry; a mail
 * then carries the same {@code Message-ID} (derived from the idempotency key), which lets mail
 * systems and the reader's client recognize the duplicate. No SMTP transaction can close that window.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxRepository messages;
    private final MailDelivery mail;
    private final ChannelProvider phones;
    private final OutboxTimeline timeline;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final NotificationMetrics metrics;

    Outbox(OutboxRepository messages, MailDelivery mail, ChannelProvider phones, OutboxTimeline timeline, Clock clock,
           PlatformTransactionManager transactions, NotificationMetrics metrics) {
        this.messages = messages;
        this.mail = mail;
        this.phones = phones;
        this.timeline = timeline;
        this.clock = clock;
        this.metrics = metrics;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * In the caller's transaction: the message queued under this key, unchanged, or the one
     * {@code draft} makes (asked for only then), for the caller to send with {@link #send}.
     */
    OutboxMessage queue(String key, Supplier<Draft> draft) {
        return messages.findByIdempotencyKey(key)
                .orElseGet(() -> keep(key, draft.get(), OutboxMessage.SENT_BY_PROCESS, null));
    }

    /**
     * As {@link #queue}, for a message no caller sends: {@link OutboxSweep} does, until it is taken.
     * With {@code perMinute} set it waits for the first minute slot of its channel that has fewer
     * than that many messages ({@link MinuteSlots}); it is in the outbox at once all the same.
     */
    OutboxMessage queueForSweep(String key, Integer perMinute, Supplier<Draft> draft) {
        Optional<OutboxMessage> existing = messages.findByIdempotencyKey(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Draft made = draft.get();
        return keep(key, made, OutboxMessage.SENT_BY_OUTBOX, notBefore(made.channel(), perMinute));
    }

    /**
     * Queues the message in a transaction of its own, unless its key is queued, and sends it unless
     * it was sent: for a caller whose one step both decides and sends, and whose retry calls again
     * (a follow-up's job). Throws when the server refused it.
     */
    void sendOnce(String key, Supplier<Draft> draft) {
        send(ownTransaction.execute(status -> queue(key, draft).getId()));
    }

    /** Tries the message right after the caller's transaction commits; a refusal is left to {@link OutboxSweep}. */
    void sendAfterCommit(Long messageId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                trySend(messageId);
            }
        });
    }

    /** Sends the message unless it was sent; throws when the server or provider did not take it (retry later). */
    public void send(Long messageId) {
        RuntimeException failure = ownTransaction.execute(status -> {
            OutboxMessage message = messages.lock(messageId)
                    .orElseThrow(() -> new IllegalStateException("No outbox message " + messageId));
            if (!message.isPending()) {
                return null;
            }
            Receipt receipt;
            try {
                receipt = deliver(message);
            } catch (RuntimeException refused) {
                message.attemptFailed(refused.getMessage());
                metrics.refused(message);
                return refused;
            }
            message.sent(clock.instant(), receipt);
            timeline.sent(message);
            metrics.sent(message);
            return null;
        });
        if (failure != null) {
            throw failure;
        }
    }

    /** As {@link #send}, leaving a refusal to a later round: true when the message is sent now, by this call or before. */
    public boolean trySend(Long messageId) {
        try {
            send(messageId);
        } catch (RuntimeException refused) {
            log.warn("Outbox message {} not sent, tried again later: {}", messageId, refused.getMessage());
            return false;
        }
        return messages.findById(messageId).filter(OutboxMessage::isSent).isPresent();
    }

    private OutboxMessage keep(String key, Draft draft, String sentBy, Instant notBefore) {
        OutboxMessage message = messages.save(new OutboxMessage(key, draft, sentBy, notBefore, clock.instant()));
        timeline.queued(message);
        metrics.queued(message);
        return message;
    }

    private Receipt deliver(OutboxMessage message) {
        if (message.isEmail()) {
            mail.deliver(message);
            return Receipt.SMTP;
        }
        return new Receipt(phones.name(), phones.send(message.getChannel(), message.getRecipient(), message.getTextBody()));
    }

    /**
     * Mail without a limit has no not-before time; an SMS or voice message always has one, now when
     * no limit holds it back, and so takes its place in its minute like every message of its channel.
     */
    private Instant notBefore(String channel, Integer perMinute) {
        Instant now = clock.instant();
        if (perMinute == null) {
            return OutboxMessage.EMAIL.equals(channel) ? null : now;
        }
        return MinuteSlots.firstFree(now, perMinute, messages.latestNotBefore(channel),
                (from, to) -> messages.countByChannelAndNotBeforeGreaterThanEqualAndNotBeforeLessThan(channel, from, to));
    }
}
