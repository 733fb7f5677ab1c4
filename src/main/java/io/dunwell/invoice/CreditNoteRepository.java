package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {

    Optional<CreditNote> findByExternalId(String externalId);

    List<CreditNote> findByAccountIdOrderByIssuedAtAscIdAsc(Long accountId);

    @Query("select coalesce(sum(c.amount), 0) from CreditNote c where c.accountId = ?1 and c.createdAt >= ?2")
    BigDecimal totalRecordedSince(Long accountId, Instant since);
}
