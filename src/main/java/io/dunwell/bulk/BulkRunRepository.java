package io.dunwell.bulk;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BulkRunRepository extends JpaRepository<BulkRun, Long> {

    Optional<BulkRun> findByIdempotencyKey(String idempotencyKey);

    Optional<BulkRun> findByPreviewToken(String previewToken);

    /** The run, locked until the caller's transaction ends, so that one caller completes it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from BulkRun r where r.id = :id")
    Optional<BulkRun> lock(Long id);
}
