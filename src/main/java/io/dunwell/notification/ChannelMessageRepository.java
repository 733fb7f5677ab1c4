package io.dunwell.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChannelMessageRepository extends JpaRepository<ChannelMessage, Long> {

    Optional<ChannelMessage> findByIdempotencyKey(String idempotencyKey);

    List<ChannelMessage> findByAccountIdOrderByIdAsc(Long accountId);

    @Query("select max(m.notBefore) from ChannelMessage m")
    Optional<Instant> latestNotBefore();

    long countByNotBeforeGreaterThanEqualAndNotBeforeLessThan(Instant from, Instant to);

    List<ChannelMessage> findTop500ByStatusAndNotBeforeLessThanEqualOrderByNotBeforeAscIdAsc(String status, Instant now);

    /** Claims the message for one sender: 1 when this caller got it, 0 when another sender was first. */
    @Modifying
    @Query("update ChannelMessage m set m.status = 'SENDING' where m.id = :id and m.status = 'QUEUED'")
    int claim(Long id);
}
