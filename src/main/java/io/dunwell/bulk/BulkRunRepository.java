package io.dunwell.bulk;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BulkRunRepository extends JpaRepository<BulkRun, Long> {

    Optional<BulkRun> findByIdempotencyKey(String idempotencyKey);
}
