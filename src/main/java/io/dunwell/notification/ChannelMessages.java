package io.dunwell.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.timeline.Timeline;

/**
 * SMS and voice messages: queued in the caller's transaction, sent by {@link #sendDue()} through
 * the {@link ChannelProvider}. A per-minute limit spreads messages over minute slots
 * ({@link MinuteSlots}).
 */
@Service
public class ChannelMessages {

    private final ChannelMessageRepository messages;
    private final ChannelProvider provider;
    private final Timeline timeline;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ChannelMessages(ChannelMessageRepository messages, ChannelProvider provider, Timeline timeline,
                    PlatformTransactionManager transactions, Clock clock) {
        this.messages = messages;
        this.provider = provider;
        this.timeline = timeline;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The message for this key: the one already queued, or a new one. With {@code perMinute} null
     * it goes out at once; otherwise it takes the first minute that has fewer than
     * {@code perMinute} messages, counting every message in that minute.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ChannelMessage queue(Long accountId, String channel, String recipient, String text, String idempotencyKey,
                                Integer perMinute) {
        Optional<ChannelMessage> existing = messages.findByIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Instant notBefore = perMinute == null ? now : firstFreeSlot(now, perMinute);
        ChannelMessage message = messages.save(new ChannelMessage(idempotencyKey, accountId, channel, recipient, text,
                perMinute != null, notBefore, now));
        timeline.append(accountId, channel + "_QUEUED", channel + " to " + recipient + (notBefore.isAfter(now)
                ? " queued for " + notBefore : " queued") + ": " + text, idempotencyKey);
        return message;
    }

    /** Sends what is due now; returns how many went out. Each message is claimed first, so two senders never send one twice. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    public int sendDue() {
        List<ChannelMessage> due = messages.findTop500ByStatusAndNotBeforeLessThanEqualOrderByNotBeforeAscIdAsc(
                ChannelMessage.QUEUED, clock.instant());
        int sent = 0;
        for (ChannelMessage candidate : due) {
            Boolean done = transaction.execute(status -> {
                if (messages.claim(candidate.getId()) == 0) {
                    return false;
                }
                ChannelMessage message = messages.findById(candidate.getId()).orElseThrow();
                String providerId = provider.send(message.getChannel(), message.getRecipient(), message.getBody());
                message.sent(provider.name(), providerId, clock.instant());
                timeline.append(message.getAccountId(), message.getChannel() + "_SENT", message.getChannel() + " sent to "
                        + message.getRecipient() + " via " + provider.name(), providerId);
                return true;
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }

    @Transactional(readOnly = true)
    public List<ChannelMessage> of(Long accountId) {
        return messages.findByAccountIdOrderByIdAsc(accountId);
    }

    private Instant firstFreeSlot(Instant now, int perMinute) {
        return MinuteSlots.firstFree(now, perMinute, messages.latestNotBefore(),
                messages::countByNotBeforeGreaterThanEqualAndNotBeforeLessThan);
    }
}
