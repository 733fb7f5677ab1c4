package io.dunwell.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    Optional<OutboxMessage> findByIdempotencyKey(String idempotencyKey);

    List<OutboxMessage> findByAccountIdOrderByCreatedAtAscIdAsc(Long accountId);

    /** The oldest of the messages the sweep sends that are still pending and due by {@code now}, on every channel. */
    @Query("select m.id from OutboxMessage m where m.sentBy = '" + OutboxMessage.SENT_BY_OUTBOX + "' and m.status = '"
            + OutboxMessage.PENDING + "' and (m.notBefore is null or m.notBefore <= :now) order by m.id")
    List<Long> dueForSweep(Instant now, Limit limit);

    /**
     * Per channel, the pending messages that are due, and since when the oldest of them waits (its
     * not-before time, else its creation). Names both senders so that the (sent_by, status) index serves it.
     */
    @Query("select new io.dunwell.notification.OutboxBacklog(m.channel, count(m), min(coalesce(m.notBefore, m.createdAt)))"
            + " from OutboxMessage m where m.sentBy in ('" + OutboxMessage.SENT_BY_PROCESS + "', '" + OutboxMessage.SENT_BY_OUTBOX
            + "') and m.status = '" + OutboxMessage.PENDING + "' and (m.notBefore is null or m.notBefore <= :now) group by m.channel")
    List<OutboxBacklog> backlog(Instant now);

    @Query("select max(m.notBefore) from OutboxMessage m where m.channel = :channel")
    Optional<Instant> latestNotBefore(String channel);

    long countByChannelAndNotBeforeGreaterThanEqualAndNotBeforeLessThan(String channel, Instant from, Instant to);

    /** How many mails the SMTP server refused and that still wait to be sent, and when the oldest of them was queued. */
    interface RefusedMail {
        long getWaiting();

        Instant getOldest();
    }

    // naming both senders lets the database use the (sent_by, status) index: pending rows are few, the outbox is not
    @Query("select count(m) as waiting, min(m.createdAt) as oldest from OutboxMessage m"
            + " where m.sentBy in ('" + OutboxMessage.SENT_BY_PROCESS + "', '" + OutboxMessage.SENT_BY_OUTBOX + "')"
            + " and m.status = '" + OutboxMessage.PENDING + "' and m.channel = '" + OutboxMessage.EMAIL + "' and m.attempts > 0")
    RefusedMail refusedMail();

    /** Takes the message's row lock for the rest of the transaction: one sender at a time, on any node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboxMessage m where m.id = :id")
    Optional<OutboxMessage> lock(Long id);
}
