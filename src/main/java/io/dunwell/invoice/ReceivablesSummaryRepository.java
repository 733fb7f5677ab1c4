package io.dunwell.invoice;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReceivablesSummaryRepository extends JpaRepository<ReceivablesSummary, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ReceivablesSummary s where s.accountId = ?1")
    Optional<ReceivablesSummary> lock(Long accountId);

    /** Locks in id order, so two batches touching the same accounts cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ReceivablesSummary s where s.accountId in ?1 order by s.accountId")
    List<ReceivablesSummary> lockAll(Collection<Long> accountIds);
}
