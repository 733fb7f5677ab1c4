package io.dunwell.bulk;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BulkRunAccountRepository extends JpaRepository<BulkRunAccount, Long> {

    List<BulkRunAccount> findByBulkActionIdOrderByPosition(Long bulkActionId);

    /** The row, locked until the caller's transaction ends: whoever holds it is the one doing this account. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from BulkRunAccount r where r.id = :id")
    Optional<BulkRunAccount> lock(Long id);
}
